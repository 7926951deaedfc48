extension Section {
  /// The fragment whose text holds the scalar at `offset`, if any. Fragments are sorted by
  /// where they start and do not overlap (the scanner sorts them), so the one to look at is the
  /// last that starts at or before `offset`.
  /// - Complexity: O(log n) in the section's fragments.
  func fragment(containing offset: Int) -> MathFragment? {
    var (low, high) = (0, fragments.count)
    while low < high {
      let mid = (low + high) / 2
      if fragments[mid].location.offset <= offset { low = mid + 1 } else { high = mid }
    }
    guard low > 0 else { return nil }
    let f = fragments[low - 1]
    return offset < f.location.offset + f.text.unicodeScalars.count ? f : nil
  }
}
