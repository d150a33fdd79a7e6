using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MagicHour.Emulator.Http;

/// <summary>Applies a <see cref="FaultRule"/> around the real handling of a request.</summary>
internal sealed class FaultInjector(EmulatorContext emulator)
{
    private static readonly TimeSpan ResetGrace = TimeSpan.FromMilliseconds(200);
    private static readonly byte[] MalformedJson = Encoding.UTF8.GetBytes("{\"id\": \"cm-truncated\", \"credits_charged\": ");

    /// <param name="handle">The real handling; for downloads it receives the rule so the fault can hit mid-body.</param>
    public async Task ApplyAsync(HttpContext context, FaultRule rule, bool isDownload, Func<FaultRule?, Task> handle)
    {
        // Downloads can be huge, so they are never held back: a drop or an after-processing delay
        // hits in the middle of the body, and the other kinds behave as if before processing.
        if (isDownload && (rule.Kind == FaultKind.DropConnection || (rule.Kind == FaultKind.Delay && rule.AfterProcessing)))
        {
            await handle(rule).ConfigureAwait(false);
            return;
        }

        // Faults in the body of the real answer: the request is processed (a create is charged) first.
        if (rule.Kind is FaultKind.StallBody or FaultKind.TrickleBody or FaultKind.ResetMidBody)
        {
            ReadOnlyMemory<byte> answer = await HoldAnswerAsync(context, handle).ConfigureAwait(false);
            await DeliverBadlyAsync(context, rule, answer).ConfigureAwait(false);
            return;
        }

        if (!rule.AfterProcessing || isDownload)
        {
            switch (rule.Kind)
            {
                case FaultKind.Status:
                    await WriteStatusAsync(context, rule).ConfigureAwait(false);
                    return;
                case FaultKind.MalformedJson:
                    await HttpJson.WriteRawAsync(context, StatusCodes.Status200OK, MalformedJson).ConfigureAwait(false);
                    return;
                case FaultKind.Body:
                    await WriteBodyAsync(context, rule).ConfigureAwait(false);
                    return;
                case FaultKind.Delay:
                    await DelayAsync(context, rule.Delay).ConfigureAwait(false);
                    await handle(null).ConfigureAwait(false);
                    return;
                default:
                    context.Abort();
                    return;
            }
        }

        // Process for real with the response held back, then let the fault decide what the client gets.
        ReadOnlyMemory<byte> real = await HoldAnswerAsync(context, handle).ConfigureAwait(false);
        if (rule.Kind == FaultKind.Delay)
        {
            await DelayAsync(context, rule.Delay).ConfigureAwait(false);
            await context.Response.Body.WriteAsync(real, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await ReplaceResponseAsync(context, rule, real).ConfigureAwait(false);
    }

    /// <summary>Runs the real handling with its body written to memory; status and headers stay set on the response.</summary>
    private static async Task<ReadOnlyMemory<byte>> HoldAnswerAsync(HttpContext context, Func<FaultRule?, Task> handle)
    {
        Stream original = context.Response.Body;
        var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await handle(null).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        return held.GetBuffer().AsMemory(0, (int)held.Length);
    }

    /// <summary>Sends the real answer's headers, then its body as the fault says: stalled, a byte at a time, or cut off by a reset.</summary>
    private async Task DeliverBadlyAsync(HttpContext context, FaultRule rule, ReadOnlyMemory<byte> body)
    {
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        switch (rule.Kind)
        {
            case FaultKind.StallBody:
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await DelayAsync(context, rule.Delay).ConfigureAwait(false);
                await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                break;
            case FaultKind.TrickleBody:
                for (int i = 0; i < body.Length; i++)
                {
                    await context.Response.Body.WriteAsync(body.Slice(i, 1), context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    await DelayAsync(context, rule.Delay).ConfigureAwait(false);
                }

                break;
            default:
                await context.Response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);

                // A flush hands the bytes to the transport, which may not have sent them yet; an abort right away
                // would often drop them, and the client would see a reset before the headers instead of mid-body.
                await DelayAsync(context, ResetGrace).ConfigureAwait(false);
                context.Abort();
                break;
        }
    }

    /// <summary>The rule's body with the request's bearer token in place of <c>{authorization}</c>.</summary>
    private static Task WriteBodyAsync(HttpContext context, FaultRule rule)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        string token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : authorization;
        return HttpJson.WriteRawAsync(context, rule.StatusCode, Encoding.UTF8.GetBytes(rule.Body.Replace("{authorization}", token, StringComparison.Ordinal)));
    }

    private static async Task ReplaceResponseAsync(HttpContext context, FaultRule rule, ReadOnlyMemory<byte> realBody)
    {
        switch (rule.Kind)
        {
            case FaultKind.Status:
                context.Response.Clear();
                await WriteStatusAsync(context, rule).ConfigureAwait(false);
                break;
            case FaultKind.MalformedJson:
                context.Response.Clear();
                // Cut the real answer in half when there is one, so it starts like valid JSON.
                ReadOnlyMemory<byte> body = realBody.Length >= 4 ? realBody[..(realBody.Length / 2)] : MalformedJson;
                await HttpJson.WriteRawAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
                break;
            case FaultKind.Body:
                context.Response.Clear();
                await WriteBodyAsync(context, rule).ConfigureAwait(false);
                break;
            default:
                context.Abort();
                break;
        }
    }

    private static Task WriteStatusAsync(HttpContext context, FaultRule rule)
    {
        if (rule.RetryAfter is TimeSpan retryAfter)
        {
            long seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string reason = ReasonPhrases.GetReasonPhrase(rule.StatusCode);
        return HttpJson.WriteErrorAsync(context, rule.StatusCode, reason.Length == 0 ? "Injected fault" : reason);
    }

    private async Task DelayAsync(HttpContext context, TimeSpan delay)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, emulator.Stopping);
        await Task.Delay(delay, cancellation.Token).ConfigureAwait(false);
    }
}
