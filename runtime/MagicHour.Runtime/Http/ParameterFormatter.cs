using System;
using System.ComponentModel;
using System.Globalization;

namespace MagicHour.Runtime.Http;

/// <summary>Formats path, query and header parameters the way OpenAPI's simple and form styles expect.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterFormatter
{
    /// <summary>Formats a string (as is).</summary>
    public static string Format(string value) => value;

    /// <summary>Formats a boolean as <c>true</c>/<c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a date-time in ISO 8601.</summary>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a UUID.</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>Formats a URI.</summary>
    public static string Format(Uri value) => value.OriginalString;

    /// <summary>Formats any other value (generated enums format as their wire value).</summary>
    public static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// Escapes a formatted value for use as one path segment. A value of <c>.</c> or <c>..</c> is escaped too, since
    /// <see cref="Uri"/> would otherwise remove it as a dot segment and the request would go to another path.
    /// </summary>
    public static string EscapePath(string value) => value switch
    {
        "." => "%2E",
        ".." => "%2E%2E",
        _ => Uri.EscapeDataString(value),
    };
}
