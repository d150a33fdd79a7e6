using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MagicHour.Codegen.Parsing;

/// <summary>Compares by reference: the same schema object met twice is one type (netstandard2.0 has no built-in one).</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<object>
{
    public static ReferenceEqualityComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
