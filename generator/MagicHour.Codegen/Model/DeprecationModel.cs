namespace MagicHour.Codegen.Model;

/// <summary>
/// That the spec deprecates a type, property, operation or enum value, and what it says about it. The emitter words
/// the <c>[Obsolete]</c> message from this.
/// </summary>
/// <param name="Note">The spec's own words, e.g. <c>Use `seedream-v4` instead.</c>; null when it only marks it deprecated.</param>
/// <param name="Replacements">For an enum value: the values of the same enum that <paramref name="Note"/> points to, e.g. <c>seedream-v4</c>.</param>
internal sealed record DeprecationModel(string? Note, ImmutableEquatableArray<string> Replacements)
{
    /// <summary>Deprecated, with nothing more said.</summary>
    public static DeprecationModel Plain { get; } = new(null, ImmutableEquatableArray<string>.Empty);
}
