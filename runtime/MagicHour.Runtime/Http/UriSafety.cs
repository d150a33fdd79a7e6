using System;
using System.Net;

namespace MagicHour.Runtime.Http;

/// <summary>Checks that decide where the API key may go.</summary>
internal static class UriSafety
{
    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Whether a secret may travel to <paramref name="uri"/>: over https, or over http to this machine only.</summary>
    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out IPAddress? address) && IPAddress.IsLoopback(address));

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>The URI without its query and fragment, which for pre-signed URLs hold the signature.</summary>
    public static string ForLog(Uri? uri) =>
        uri is null ? "(none)" : uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path) : ForLog(uri.OriginalString);

    /// <summary>A URL as the server sent it (maybe not even a URL), without its query and fragment.</summary>
    public static string ForLog(string? url) =>
        string.IsNullOrWhiteSpace(url) ? "(none)" : url.Split('?', '#')[0];
}
