using System;

namespace MagicHour.Runtime.Json;

/// <summary>What every generated enum does the same way.</summary>
public static class JsonEnum
{
    /// <summary>Whether <paramref name="value"/> is one of <typeparamref name="T"/>'s known values (ordinal comparison of the wire strings).</summary>
    public static bool IsKnown<T>(T value)
        where T : struct, IJsonEnum<T>
    {
        foreach (T known in T.KnownValues)
        {
            if (string.Equals(known.Value, value.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
