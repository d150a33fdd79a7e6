using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MagicHour.Emulator.Http;

/// <summary>
/// The request target exactly as the client sent it. Request.Path has already been decoded
/// (except %2F), so ids and names containing escaped characters are read from here instead.
/// </summary>
internal static class RawPath
{
    public static string Target(HttpContext context)
    {
        string? raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw) || raw[0] != '/'
            ? context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent()
            : raw;
    }

    /// <summary>The unescaped path segment that follows <paramref name="prefix"/>, or null when there is none or more than one.</summary>
    public static string? SegmentAfter(HttpContext context, string prefix)
    {
        string target = Target(context);
        int query = target.IndexOf('?', StringComparison.Ordinal);
        string path = query < 0 ? target : target[..query];
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string segment = path[prefix.Length..];
        if (segment.Length == 0 || segment.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return Uri.UnescapeDataString(segment);
    }
}
