using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;

namespace MagicHour.Runtime;

/// <summary>
/// The base exception of the Magic Hour client, a <see cref="ClientResultException"/> as System.ClientModel clients
/// throw: an API call, upload or download that failed, with the HTTP status (<see cref="ClientResultException.Status"/>,
/// 0 when no response arrived), the response itself (<see cref="ClientResultException.GetRawResponse"/>, null when none
/// arrived), the server's message, the operation and the request id when the server sent one.
/// <see cref="Projects.MagicHourProjectException"/> derives from it for projects that did not complete or whose outputs
/// could not be fetched; a local input rejected before anything was sent is an <see cref="ArgumentException"/> instead.
/// It never contains the API key: not in its message, its inner exception, nor the error body of its raw response.
/// </summary>
public class MagicHourApiException : ClientResultException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of failure this is.</param>
    /// <param name="message">What happened, with the API key nowhere in it.</param>
    /// <param name="response">The response, when one arrived.</param>
    /// <param name="serverMessage">The <c>message</c> the server sent.</param>
    /// <param name="operationId">The spec's id of the operation, or a name such as <c>upload</c>.</param>
    /// <param name="requestId">The server's request id.</param>
    /// <param name="innerException">The cause.</param>
    public MagicHourApiException(
        MagicHourErrorKind kind,
        string message,
        PipelineResponse? response = null,
        string? serverMessage = null,
        string? operationId = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, response, innerException)
    {
        Kind = kind;
        ServerMessage = serverMessage;
        OperationId = operationId;
        RequestId = requestId;
    }

    /// <summary>What kind of failure this is.</summary>
    public MagicHourErrorKind Kind { get; }

    /// <summary>The HTTP status code, when a response arrived (the same as <see cref="ClientResultException.Status"/>).</summary>
    public HttpStatusCode? StatusCode => Status == 0 ? null : (HttpStatusCode)Status;

    /// <summary>The <c>message</c> the server sent, when it sent one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The spec's id of the operation that failed.</summary>
    public string? OperationId { get; }

    /// <summary>The server's request id, when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True when a request that is not safe to repeat (a create) left the client but no complete, usable answer came
    /// back (a timeout, a connection that broke, even in the middle of a success body, or a success body that cannot be
    /// read): the server may have processed it and charged for it. Such a request was not retried, so that its credits
    /// are not charged twice; look the project up before trying again.
    /// </summary>
    public bool RequestMayHaveBeenProcessed { get; internal init; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), when it said so.</summary>
    public TimeSpan? RetryAfter { get; internal init; }

    /// <summary>The kind of failure for an HTTP status code.</summary>
    public static MagicHourErrorKind KindOf(HttpStatusCode statusCode) => (int)statusCode switch
    {
        400 => MagicHourErrorKind.BadRequest,
        401 => MagicHourErrorKind.Unauthorized,
        402 => MagicHourErrorKind.PaymentRequired,
        403 => MagicHourErrorKind.Forbidden,
        404 => MagicHourErrorKind.NotFound,
        422 => MagicHourErrorKind.UnprocessableEntity,
        429 => MagicHourErrorKind.RateLimited,
        >= 500 and <= 599 => MagicHourErrorKind.ServerError,
        _ => MagicHourErrorKind.UnexpectedStatus,
    };
}
