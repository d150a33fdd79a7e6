namespace MagicHour.Codegen.Model;

/// <summary>The kinds of C# type a schema maps to.</summary>
internal enum TypeRefKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    DateTimeOffset,
    DateOnly,
    Guid,
    Bytes,
    Any,
    Object,
    Enum,
    Array,
    Dictionary,
}

/// <summary>A reference to the C# type of a value: a primitive, a generated type by name, or a collection of either.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="Name">The generated type's name, for <see cref="TypeRefKind.Object"/> and <see cref="TypeRefKind.Enum"/>.</param>
/// <param name="Element">The item type of an array or the value type of a dictionary.</param>
/// <param name="IsNullable">Whether JSON <c>null</c> is a valid value.</param>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null, bool IsNullable = false)
{
    public static TypeRef Any { get; } = new(TypeRefKind.Any);

    public static TypeRef String { get; } = new(TypeRefKind.String);

    public TypeRef WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };

    /// <summary>Whether the C# type is a value type (so that its nullable form is <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind is TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
        or TypeRefKind.Single or TypeRefKind.Decimal or TypeRefKind.DateTimeOffset or TypeRefKind.DateOnly or TypeRefKind.Guid
        or TypeRefKind.Any or TypeRefKind.Enum;
}
