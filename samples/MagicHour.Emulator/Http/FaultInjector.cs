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
        Stream original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await handle(null).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (rule.Kind == FaultKind.Delay)
        {
            await DelayAsync(context, rule.Delay).ConfigureAwait(false);
            await original.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await ReplaceResponseAsync(context, rule, held.GetBuffer().AsMemory(0, (int)held.Length)).ConfigureAwait(false);
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
