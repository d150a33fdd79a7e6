namespace MagicHour.Codegen.Model;

/// <summary>One property of a generated record.</summary>
/// <param name="WireName">The JSON property name, kept exactly.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The property's type; <see cref="TypeRef.IsNullable"/> says whether the spec allows <c>null</c>.</param>
/// <param name="IsRequired">Whether the spec lists the property as required.</param>
/// <param name="Documentation">XML documentation text.</param>
/// <param name="Deprecation">Set when the spec marks the property deprecated.</param>
/// <param name="PresenceLocal">
/// The bit set in the record's reading constructor that records, at <paramref name="PresenceBit"/>, that the property was
/// read, for a required property that a null check cannot vouch for (its valid values include <c>null</c>, or it is a value
/// type); otherwise null.
/// </param>
/// <param name="PresenceBit">The property's bit in <paramref name="PresenceLocal"/> (0–63).</param>
internal sealed record PropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    DocModel Documentation,
    DeprecationModel? Deprecation,
    string? PresenceLocal,
    int PresenceBit)
{
    /// <summary>Whether the C# property is nullable: the spec allows null or the property may be absent.</summary>
    public bool IsCSharpNullable => Type.IsNullable || !IsRequired;
}
