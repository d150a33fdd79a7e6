using System;

namespace MagicHour.Runtime.Http;

/// <summary>An attempt that got no response; the retry policy turns it into a <see cref="MagicHourApiException"/>.</summary>
internal sealed class TransportException : Exception
{
    public TransportException(MagicHourErrorKind kind, bool requestMayHaveBeenSent, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
        RequestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /// <summary><see cref="MagicHourErrorKind.Network"/> or <see cref="MagicHourErrorKind.Timeout"/>.</summary>
    public MagicHourErrorKind Kind { get; }

    /// <summary>False only when the connection failed before any byte of the request left.</summary>
    public bool RequestMayHaveBeenSent { get; }
}
