namespace MagicHour.Runtime;

/// <summary>What kind of failure a <see cref="MagicHourApiException"/> reports.</summary>
public enum MagicHourErrorKind
{
    /// <summary>A failure that fits no other kind.</summary>
    Unknown = 0,

    /// <summary>400: the request is invalid.</summary>
    BadRequest,

    /// <summary>401: the API key is missing or wrong.</summary>
    Unauthorized,

    /// <summary>402: the account has not enough credits.</summary>
    PaymentRequired,

    /// <summary>404: no such resource.</summary>
    NotFound,

    /// <summary>422: the request is well-formed but cannot be processed.</summary>
    UnprocessableEntity,

    /// <summary>429: too many requests, even after retrying.</summary>
    RateLimited,

    /// <summary>5xx: the server failed, even after retrying.</summary>
    ServerError,

    /// <summary>Another non-success status code.</summary>
    UnexpectedStatus,

    /// <summary>The response is not what the API promises: JSON that does not read, a missing project id, a download URL that cannot be fetched.</summary>
    InvalidResponse,

    /// <summary>The server could not be reached or the connection broke.</summary>
    Network,

    /// <summary>A request or a wait took longer than allowed.</summary>
    Timeout,

    /// <summary>403: access denied, e.g. an upload or download URL that expired.</summary>
    Forbidden,

    /// <summary>A project ended with status <c>error</c>.</summary>
    ProjectFailed,

    /// <summary>A project ended with status <c>canceled</c>.</summary>
    ProjectCanceled,

    /// <summary>A project was deleted (<c>enabled: false</c>) before its outputs could be used.</summary>
    ProjectDeleted,

    /// <summary>Outputs would pass the download size limit (<c>GenerateOptions.MaxDownloadBytes</c>); nothing was kept.</summary>
    DownloadTooLarge,
}
