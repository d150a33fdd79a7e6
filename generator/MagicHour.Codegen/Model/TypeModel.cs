namespace MagicHour.Codegen.Model;

/// <summary>A type to generate: a record for an object schema or an extensible enum for a string enum.</summary>
internal abstract record TypeModel(string Name, DocModel Documentation, DeprecationModel? Deprecation, string SourcePointer);

/// <summary>A record for an object schema.</summary>
internal sealed record ObjectModel(
    string Name,
    DocModel Documentation,
    DeprecationModel? Deprecation,
    string SourcePointer,
    ImmutableEquatableArray<PropertyModel> Properties)
    : TypeModel(Name, Documentation, Deprecation, SourcePointer);

/// <summary>An extensible enum for a string enum: known values as members, unknown ones kept as strings.</summary>
internal sealed record EnumModel(
    string Name,
    DocModel Documentation,
    DeprecationModel? Deprecation,
    string SourcePointer,
    ImmutableEquatableArray<EnumMemberModel> Members)
    : TypeModel(Name, Documentation, Deprecation, SourcePointer);

/// <summary>One known value of an enum.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="WireValue">The value exactly as sent on the wire.</param>
/// <param name="Documentation">What the spec says of the value.</param>
/// <param name="Deprecation">Set when the spec deprecates the value.</param>
internal sealed record EnumMemberModel(string Name, string WireValue, DocModel Documentation, DeprecationModel? Deprecation);

/// <summary>
/// A closed union for a <c>oneOf</c>/<c>anyOf</c> with a discriminator: one case per variant record, chosen by the
/// discriminator property's value, and a case that keeps the JSON of a variant the client does not know.
/// </summary>
internal sealed record UnionModel(
    string Name,
    DocModel Documentation,
    DeprecationModel? Deprecation,
    string SourcePointer,
    string DiscriminatorWireName,
    ImmutableEquatableArray<UnionCaseModel> Cases)
    : TypeModel(Name, Documentation, Deprecation, SourcePointer);

/// <summary>One case of a <see cref="UnionModel"/>.</summary>
/// <param name="Name">The nested case record, e.g. <c>Cat</c> in <c>Pet.Cat</c>.</param>
/// <param name="TypeName">The variant's generated record.</param>
/// <param name="DiscriminatorValues">The discriminator values that select this case; the first is written when a value is created.</param>
internal sealed record UnionCaseModel(string Name, string TypeName, ImmutableEquatableArray<string> DiscriminatorValues);
