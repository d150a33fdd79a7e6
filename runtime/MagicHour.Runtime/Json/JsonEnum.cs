using System;
using System.Collections.Generic;

namespace MagicHour.Runtime.Json;

/// <summary>What every generated enum does the same way.</summary>
public static class JsonEnum
{
    /// <summary>Whether <paramref name="value"/> is one of <typeparamref name="T"/>'s known values (ordinal comparison of the wire strings).</summary>
    public static bool IsKnown<T>(T value)
        where T : struct, IJsonEnum<T>
    {
        // Indexed: a foreach over the interface would allocate an enumerator on every call.
        IReadOnlyList<T> known = T.KnownValues;
        string wire = value.Value;
        for (int i = 0; i < known.Count; i++)
        {
            if (string.Equals(known[i].Value, wire, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
