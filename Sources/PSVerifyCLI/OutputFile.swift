// swift-format-ignore-file: OrderedImports
// Glibc first: Foundation re-exports it without @preconcurrency, and `stdout` is then an error.
@preconcurrency import Glibc
import Foundation

/// Writing psverify's output files with every failure detected: a full disk, a file-size limit, a
/// device that refuses the bytes (`/dev/full`). Errors are sentences in psverify's voice, from
/// `strerror`, never Foundation's error domains.
enum OutputFile {
  /// Writes `data` to `path`. A regular file (or a new one) is written beside its final name and
  /// renamed over it once every byte is written and flushed, so a failed write leaves the old file
  /// as it was and no partial file; a device or pipe is written in place.
  /// - Throws: `UsageError` naming the path and the reason.
  static func write(_ data: Data, to path: String, what: String = "the report") throws {
    var info = stat()
    let exists = stat(path, &info) == 0
    if exists && info.st_mode & S_IFMT != S_IFREG {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { throw failure(what, path, errno) }
      defer { close(fd) }
      if let code = writeAll(fd, data) { throw failure(what, path, code) }
      return
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).psverify-\(getpid())").path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw failure(what, path, errno) }
    var code = writeAll(fd, data)
    if code == nil && fsync(fd) != 0 { code = errno }
    if close(fd) != 0 && code == nil { code = errno }
    if code == nil && rename(temporary, path) != 0 { code = errno }
    if let code {
      unlink(temporary)
      throw failure(what, path, code)
    }
  }

  /// Writes every byte, retrying short writes; returns the errno of a failure.
  static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32? in
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if n == 0 { return ENOSPC }
        offset += n
      }
      return nil
    }
  }

  static func failure(_ what: String, _ path: String, _ code: Int32) -> UsageError {
    UsageError(message: "cannot write \(what) to '\(path)': \(reason(code))")
  }

  /// A reason a user can act on, for the errno values writes end with.
  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOSPC: "no space left on the device (the disk is full)"
    case EFBIG: "the file-size limit was reached (ulimit -f)"
    case EDQUOT: "the disk quota is exhausted"
    case EACCES, EPERM, EROFS: "permission denied (the file or its directory is not writable)"
    case EBADF: "the output is closed"
    case EPIPE: "the reader of the pipe has gone"
    default: String(cString: strerror(code)).lowercased()
    }
  }

  /// Flushes standard output and reports whether everything printed reached it.
  /// - Returns: nil when it did, else the reason it did not.
  static func flushStandardOutput() -> String? {
    errno = 0
    let flushed = fflush(stdout) == 0
    let code = errno
    guard !flushed || ferror(stdout) != 0 else { return nil }
    clearerr(stdout)
    return reason(code == 0 ? EIO : code)
  }
}
