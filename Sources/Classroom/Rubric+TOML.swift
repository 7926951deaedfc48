import Foundation
import TOMLKit

extension Rubric {
  /// Reads a rubric written in TOML (the format in the type's documentation). The text may use
  /// LF, CRLF or CR line ends and start with a UTF-8 byte order mark.
  /// - Parameters:
  ///   - parts: each problem id with the labels of its answer's parts (empty for one piece).
  /// - Throws: `ClassError.rubric` naming the line of a TOML syntax error, an unknown key, a
  ///   problem id or part label that does not exist, or points that are not a non-negative number.
  public static func parse(_ text: String, file: String, parts known: [String: [String]])
    throws(ClassError) -> Rubric
  {
    var text = text
    if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
    text = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    func fail(_ message: String) -> ClassError { .rubric(file: file, message: message) }
    let table: TOMLTable
    do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
      throw fail(
        "line \(error.source.begin.line), column \(error.source.begin.column): "
          + error.description)
    } catch {
      throw fail("\(error)")
    }
    let ids = known.keys.sorted()
    var rubric = Rubric()
    for (key, value) in table {
      switch key {
      case "assignment":
        guard let s = value.string, !s.isEmpty else {
          throw fail("assignment must be a non-empty string")
        }
        rubric.assignment = s
      case "canvas_id":
        if let i = value.int {
          rubric.canvasID = String(i)
        } else if let s = value.string {
          rubric.canvasID = s
        } else {
          throw fail("canvas_id must be an integer or a string")
        }
      case "problems":
        guard let problems = value.table else {
          throw fail("problems must be a table: [problems.3b]")
        }
        for (id, entry) in problems {
          guard let partLabels = known[id] else {
            throw fail("'\(id)' is no problem id; known: \(ids.joined(separator: ", "))")
          }
          guard let entry = entry.table else {
            throw fail("problems.\(id) must be a table with points = N")
          }
          for (field, v) in entry {
            switch field {
            case "points":
              guard let p = number(v), p >= 0, p <= Rubric.maximumPoints else {
                throw fail(
                  "problems.\(id).points must be a non-negative number up to "
                    + "\(Int(Rubric.maximumPoints))")
              }
              rubric.points[id] = p
            case "parts":
              guard !partLabels.isEmpty else {
                throw fail("problem \(id) has no parts; remove problems.\(id).parts")
              }
              guard let weights = v.table else {
                let example = partLabels.map { "\($0) = 1" }.joined(separator: ", ")
                throw fail("problems.\(id).parts must be a table: { \(example) }")
              }
              var parsed: [String: Double] = [:]
              for (label, w) in weights {
                guard partLabels.contains(label) else {
                  throw fail(
                    "problem \(id) has no part '\(label)'; its parts: "
                      + partLabels.joined(separator: ", "))
                }
                guard let weight = number(w), weight >= 0, weight <= Rubric.maximumPoints else {
                  throw fail(
                    "problems.\(id).parts.\(label) must be a non-negative number up to "
                      + "\(Int(Rubric.maximumPoints))")
                }
                parsed[label] = weight
              }
              rubric.parts[id] = parsed
            default:
              throw fail("unknown key problems.\(id).\(field); accepted: points, parts")
            }
          }
        }
      default:
        throw fail("unknown key '\(key)'; accepted: assignment, canvas_id, [problems.ID]")
      }
    }
    return rubric
  }

  static func number(_ v: TOMLValueConvertible) -> Double? {
    if let i = v.int { return Double(i) }
    return v.double
  }
}
