/// One occurrence of a name, with its role and, for tensors, its index list.
public struct SymbolUse: Sendable {
  /// The name as psverify prints it, braces dropped: `L_ℓ+1,s`, `N_in`, `γ`.
  public internal(set) var name: String
  /// A tensor's base with its decoration and superscript (`L̂`, `W^b,1`): what a layer- or
  /// scale-indexed family shares; the name itself for other roles.
  public internal(set) var family: String
  /// Whether the name carries a subscript (a tensor's layer or scale).
  public let subscripted: Bool
  public internal(set) var role: SymbolRole
  public let location: DocumentLocation
  public let section: Int
  /// A tensor's index expressions as written, and the bare variable at each position (nil where
  /// the position holds a formula such as 2x + Δx).
  public let indices: [String]
  public let bareIndices: [String?]
  /// Whether this occurrence introduces the name (a definition, a declaration, an introducing
  /// phrase such as "a kernel", "where … are the number of possible values").
  public internal(set) var introduces: Bool
  /// Whether it stands in an equation (left side, right side) or elsewhere.
  public let inEquation: Bool
  public let onLeft: Bool
  /// A name standing alone in its fragment (`$E$`, `$\sigma$`): a mention of something, which
  /// introduces nothing unless a phrase around it does.
  public internal(set) var alone = false
  /// A name alone followed by a noun it counts (`$K$ terms`): a number of things.
  public internal(set) var quantity = false
  /// A name alone followed by a phrase that makes it a count (`$K$ is the number of …`, `… the
  /// size`): declared a size, not merely mentioned.
  public internal(set) var counted = false
  /// A letter applied to a parenthesized argument (`\psi(g[b,i])`): a function or a factor.
  public internal(set) var applied = false
  /// A name in a formula with others (`$λW$`, `$BTVI$`).
  public internal(set) var inProduct = false
  /// A letter read from a tensor's subscript (t in m_t, r in U_r): an index of the family, or
  /// a label naming another tensor.
  public internal(set) var fromSubscript = false
  /// Written bold (`\mathbf{U}`): the whole tensor of that letter when the set has one.
  var bold = false
  /// Declared by a signature (`\phi: \mathbb{R}^D \to \mathbb{R}^H`).
  var signature = false
  /// A letter alone with a superscript (`$W^1$`, `$V^{q}$`): the family it names when the set
  /// has a tensor of that family, else a power of the letter.
  var superscripted: String?
  /// A name alone after a noun naming an array (`the weight tensor $M$`): read as that tensor
  /// when the set writes one, by the role its spelling implies otherwise.
  var arrayNamed = false
  /// Introduced only as a capital counting the noun after it (`over $C$ classes`): undone when
  /// the capital names a tensor of the set (`of $S$ requires`, a verb read as a noun).
  internal(set) var countIntroduced = false
  /// A name alone after a noun phrase ending in a function noun (`the logistic function
  /// $\sigma$`): a function when the set applies the letter, by its spelling otherwise.
  var functionNamedBefore = false
  /// A name alone with no copula (`is`, `denotes`) or parenthetical gloss after it (`with
  /// $\sigma$ the identity`): mentioned in passing, it takes the function role the set's
  /// equations give the letter.
  var mentionedInPassing = false
}
