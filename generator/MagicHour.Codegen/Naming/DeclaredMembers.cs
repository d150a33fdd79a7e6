using System.Linq;

namespace MagicHour.Codegen.Naming;

/// <summary>
/// The members each kind of generated type declares besides the spec's: a type may not take one of these names (a
/// member may not share its type's name), and the spec's properties, enum values and union cases must avoid them.
/// </summary>
internal static class DeclaredMembers
{
    /// <summary>The field of a generated record that holds its JSON property names, encoded once.</summary>
    public const string EncodedNames = "s_names";

    /// <summary>What the compiler declares in every record, and the record's <see cref="EncodedNames"/>.</summary>
    public static readonly string[] Record = { "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", EncodedNames };

    /// <summary>Inherited from <c>object</c>: a member with one of these names would hide it.</summary>
    public static readonly string[] Inherited = { "GetType", "MemberwiseClone", "Finalize" };

    /// <summary>An extensible enum (a readonly record struct over the wire string; the compiler declares its <c>PrintMembers</c>).</summary>
    public static readonly string[] Enum = { "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "PrintMembers" };

    /// <summary>A union: a record with a nested <c>Unknown</c> case.</summary>
    public static readonly string[] Union = Record.Concat(new[] { "Unknown" }).ToArray();

    /// <summary>A union's case: a positional record over the variant's <c>Value</c>.</summary>
    public static readonly string[] UnionCase = Record.Concat(new[] { "Value" }).ToArray();
}
