using System;
using System.Globalization;

namespace MagicHour.Emulator.Http;

internal static class Timestamps
{
    /// <summary>ISO 8601 in UTC with milliseconds, as in the spec's examples: 2024-10-19T05:16:19.027Z.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
