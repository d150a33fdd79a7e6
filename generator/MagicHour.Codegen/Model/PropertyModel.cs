namespace MagicHour.Codegen.Model;

/// <summary>One property of a generated record.</summary>
/// <param name="WireName">The JSON property name, kept exactly.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The property's type; <see cref="TypeRef.IsNullable"/> says whether the spec allows <c>null</c>.</param>
/// <param name="IsRequired">Whether the spec lists the property as required.</param>
/// <param name="Documentation">XML documentation text.</param>
/// <param name="Deprecation">Set when the spec marks the property deprecated.</param>
/// <param name="ReaderLocal">The local that holds the value while the record's <c>Read</c> runs.</param>
/// <param name="PresenceLocal">
/// The local that records whether the property was present, for a required property whose valid values include
/// <c>null</c>; otherwise null (the nullable <paramref name="ReaderLocal"/> says it).
/// </param>
internal sealed record PropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    DocModel Documentation,
    DeprecationModel? Deprecation,
    string ReaderLocal,
    string? PresenceLocal)
{
    /// <summary>Whether the C# property is nullable: the spec allows null or the property may be absent.</summary>
    public bool IsCSharpNullable => Type.IsNullable || !IsRequired;
}
