import Algebra
import Foundation
import IndexNotation

/// A range of an output index that leaves out positions whose window lies wholly inside the
/// input, taken from the equation's own index arithmetic.
extension AuditRules {
  /// An equation `Y[…, x, …] = … X[…, a·x + k·ΔX + c, …]` (stride a, dilation k, a constant
  /// shift c; a and k may carry letters such as `s` or `d`) whose offset's values the problem
  /// states (`Δx \in \{-1, 0, 1\}`, `0 \le Δt < K`, or a set after "ranges over") reads the
  /// input at a·x + k·δ + c for every offset δ. An input of N positions (0 … N − 1) holds every
  /// read of the output at x exactly when
  ///
  ///     ⌈(−c − min k·δ) / a⌉ ≤ x ≤ ⌊(N − 1 − c − max k·δ) / a⌋,
  ///
  /// the valid positions. Padding of any kind, on either side, only adds positions: no border
  /// convention computes fewer. A range `p ≤ x ≤ q` of that output index stated later in the
  /// problem (bound to the equation whose output its paragraph names, else the last one before
  /// it) whose bounds hold one size letter N besides the equation's own letters must therefore
  /// reach at least the valid ends; one that stops short of them at every point tried is a
  /// finding. Evaluated over whole values of the letters at which every bound is whole.
  /// - Complexity: linear in each problem's fragments for the windows and the offsets' ranges,
  ///   and each stated range is compared with one window at a bounded number of points.
  struct WindowRanges: AuditRule {
    let id = "window-ranges"
    let summary = "an output range that leaves out positions whose whole window is within the input"
    let kinds: [Finding.Kind] = [.borderRule]

    /// Windows read per problem, and evaluations per document.
    static let windowsPerProblem = 32
    static let evaluations = 30_000
    /// The fragments read back from a range for the outputs its paragraph names.
    static let namesRead = 40
    /// The scalars read before a bare set for the offset it gives the values of.
    static let lead = 80

    /// One windowed read: output index, stride, offset and shift, with where it is written.
    struct Window {
      let output: String
      let index: String
      let read: String
      let stride: Int
      let strideLetters: [String]
      let offset: String
      let dilation: Int
      let dilationLetters: [String]
      let shift: Int
      let at: Int
      let line: Int
    }

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      let windows = Self.windows(reading)
      guard !windows.isEmpty else { return [] }
      var budget = RangeCounts.Evaluations(left: Self.evaluations)
      var statements: [String: OffsetStatements] = [:]
      var out: [Finding] = []
      for section in doc.sections {
        let scope = DocumentSymbols.scope(section)
        // The preamble's equations hold in every problem.
        let own = Self.windows(windows, scope)
        guard !own.isEmpty, section.kind != .preamble else { continue }
        let sections = doc.sections.indices.filter {
          DocumentSymbols.scope(doc.sections[$0]) == scope || doc.sections[$0].kind == .preamble
        }
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        for (i, f) in fragments.enumerated() {
          guard let range = Self.chain(RangeSizes.trimmedText(f.text)) else { continue }
          let before = own.filter { $0.at < f.location.offset && $0.index == range.index }
          guard !before.isEmpty else { continue }
          // The outputs named in this paragraph and the one before it.
          // At most `namesRead` fragments back: bounded work per range.
          let named = Set(
            (max(0, i - Self.namesRead)...i).filter { paragraph[$0] + 1 >= paragraph[i] }
              .map { RangeSizes.trimmedText(fragments[$0].text) })
          let w = before.last { named.contains($0.output) } ?? before.last!
          guard
            let values = Self.offsetValues(
              w.offset, sections, doc, near: w.at, key: scope, cache: &statements),
            let point = Self.shortfall(range, w, values, &budget)
          else { continue }
          out.append(
            Finding(
              .borderRule,
              "\(w.output) reads \(w.read) at offsets \(values.text): every read lies inside "
                + "an input of \(point.size) positions for \(point.valid)\(point.at), and "
                + "padding only adds positions, yet the range \(range.text) stops at "
                + point.stated,
              at: f.location, in: section, document: doc,
              evidence: "the equation at line \(w.line); valid ends ⌈(−c − min kδ)/a⌉ and "
                + "⌊(N − 1 − c − max kδ)/a⌋"))
        }
      }
      return out
    }

    /// The windowed reads of each problem's equations, in document order.
    static func windows(_ reading: AuditReading) -> [String: [Window]] {
      var windows: [String: [Window]] = [:]
      for r in reading.readings {
        guard case .equations(let rows) = r.content else { continue }
        let scope = DocumentSymbols.scope(reading.document.sections[r.fragment.section])
        for row in rows where (windows[scope]?.count ?? 0) < windowsPerProblem {
          windows[scope, default: []] += axes(row, r.fragment)
        }
      }
      return windows
    }

    /// A problem's windows with the preamble's (scope ""), in document order.
    static func windows(_ windows: [String: [Window]], _ scope: String) -> [Window] {
      ((windows[scope] ?? []) + (scope.isEmpty ? [] : windows[""] ?? [])).sorted { $0.at < $1.at }
    }

    /// The windowed reads of an equation row, one per axis: for each bare index x of the
    /// output, the first input index `a·x + k·Δ + c` (a 2-D convolution has two).
    static func axes(_ row: ReadEquation, _ f: MathFragment) -> [Window] {
      var out: [Window] = []
      var seen: Set<String> = []
      for w in reads(row, f) where seen.insert(w.index).inserted { out.append(w) }
      return out
    }

    /// Every windowed read of an equation row: each input index `a·x + k·Δ + c` whose x is a
    /// bare index of the output.
    static func reads(_ row: ReadEquation, _ f: MathFragment) -> [Window] {
      let eq = row.equation
      let free = Set(eq.lhs.indices.compactMap(\.bareVariable).filter { !$0.isCapital })
      guard let cut = row.text.firstIndex(of: "[") else { return [] }
      let output = RangeSizes.trimmedText(String(row.text[..<cut]))
      guard !output.isEmpty else { return [] }
      var out: [Window] = []
      for ref in eq.rhsReferences {
        for index in ref.indices where index.gathered.isEmpty {
          guard let (x, o, shift) = Self.terms(index, free), let v = x.variable,
            let d = o.variable
          else { continue }
          out.append(
            Window(
              output: output, index: v.name, read: "\(ref.name) at \(index)",
              stride: x.coefficient, strideLetters: x.parameters, offset: d.name,
              dilation: o.coefficient, dilationLetters: o.parameters, shift: shift,
              at: f.location.offset, line: f.location.line))
        }
      }
      return out
    }

    /// The terms of an index `a·x + k·Δ + c`: the output index's, the offset's and the
    /// constant; nil for any other shape.
    static func terms(_ index: IndexExpression, _ free: Set<IndexVariable>) -> (
      IndexExpression.Term, IndexExpression.Term, Int
    )? {
      var x: IndexExpression.Term?
      var o: IndexExpression.Term?
      var shift = 0
      for t in index.terms {
        // Figures beyond what any problem writes are not read (no overflow below).
        guard t.coefficient.magnitude <= Window.largest.magnitude else { return nil }
        guard let v = t.variable else {
          guard t.parameters.isEmpty else { return nil }
          shift += t.coefficient
          guard shift.magnitude <= Window.largest.magnitude else { return nil }
          continue
        }
        if v.name.hasPrefix("Δ") || v.name.hasPrefix("δ") {
          guard o == nil else { return nil }
          o = t
        } else {
          guard x == nil, free.contains(v), t.coefficient > 0 else { return nil }
          x = t
        }
      }
      guard let x, let o else { return nil }
      return (x, o, shift)
    }
  }
}
