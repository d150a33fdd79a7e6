using System.Security.Cryptography;

namespace MagicHour.Emulator.Storage;

/// <summary>Random identifiers and URL signatures.</summary>
internal static class TokenGenerator
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A cuid-like id: "c" followed by 24 lowercase letters and digits.</summary>
    public static string NewId() => "c" + RandomNumberGenerator.GetString(LowerAlphanumeric, 24);

    /// <summary>An unguessable signature for a pre-signed URL.</summary>
    public static string NewSignature() => RandomNumberGenerator.GetString(UrlSafe, 32);
}
