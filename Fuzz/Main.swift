import Foundation

/// libFuzzer's entry: the reader named by PSVERIFY_FUZZ_TARGET (FuzzTargets.names) takes the input.
let target = ProcessInfo.processInfo.environment["PSVERIFY_FUZZ_TARGET"] ?? "equation"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  FuzzTargets.run(target, Data(bytes: bytes, count: count))
  return 0
}
