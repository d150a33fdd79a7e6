using System;
using System.Collections.Generic;
using System.Globalization;

namespace MagicHour.Sample;

/// <summary>The parsed command line: <c>edit</c> or <c>generate</c> and their options.</summary>
internal sealed class SampleArguments
{
    public const string Usage = """
        Usage:
          magichour-sample edit --image PATH --prompt TEXT [--model NAME] [--out DIR] [--base-url URL]
          magichour-sample generate --prompt TEXT [--model NAME] [--aspect-ratio RATIO] [--count N] [--out DIR] [--base-url URL]

        Commands:
          edit       Edit an image with the AI Image Editor (POST /v1/ai-image-editor).
          generate   Create images with the AI Image Generator (POST /v1/ai-image-generator).

        Options:
          --image PATH          The image to edit (a local file, a URL, or an api-assets/… path).
          --prompt TEXT         What to do or draw.
          --model NAME          A model such as nano-banana (edit) or flux-schnell (generate); default: the API's choice.
          --aspect-ratio RATIO  1:1, 16:9 or 9:16 (generate).
          --count N             How many images (generate), default 1.
          --out DIR             Where to write the outputs, default ./outputs.
          --base-url URL        The API server to call, e.g. a staging server, a proxy or a mock: https, or http
                                to this machine only. Default: MAGIC_HOUR_BASE_URL, else https://api.magichour.ai.
          --help                Show this text.

        With MAGIC_HOUR_API_KEY set, the API is called (the real one uses credits).
        Without it (and without a base URL), a local emulator of the API is started and used instead.
        """;

    public string Command { get; private init; } = string.Empty;

    public string? Image { get; private init; }

    public string? Prompt { get; private init; }

    public string? Model { get; private init; }

    public string? AspectRatio { get; private init; }

    public int Count { get; private init; } = 1;

    public string OutputDirectory { get; private init; } = "outputs";

    public Uri? BaseUrl { get; private init; }

    public bool Help { get; private init; }

    /// <summary>Parses <paramref name="args"/>; a problem is a <see cref="FormatException"/> with a one-line message.</summary>
    public static SampleArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            return new SampleArguments { Help = true };
        }

        string command = args[0];
        if (command is not ("edit" or "generate"))
        {
            throw new FormatException($"Unknown command '{command}': use 'edit' or 'generate' (--help for details).");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return new SampleArguments { Help = true };
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new FormatException($"Expected an option with a value at '{name}' (--help for details).");
            }

            values[name] = args[++i];
        }

        string[] allowed = command == "edit"
            ? new[] { "--image", "--prompt", "--model", "--out", "--base-url" }
            : new[] { "--prompt", "--model", "--aspect-ratio", "--count", "--out", "--base-url" };
        foreach (string name in values.Keys)
        {
            if (Array.IndexOf(allowed, name) < 0)
            {
                throw new FormatException($"'{command}' has no option {name} (--help for details).");
            }
        }

        int count = 1;
        if (values.TryGetValue("--count", out string? countText) && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            throw new FormatException($"--count must be a whole number of 1 or more, not '{countText}'.");
        }

        Uri? baseUrl = null;
        if (values.TryGetValue("--base-url", out string? baseUrlText)
            && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new FormatException($"--base-url must be an absolute http(s) URL such as https://api.magichour.ai, not '{baseUrlText}'.");
        }

        var parsed = new SampleArguments
        {
            Command = command,
            Image = values.GetValueOrDefault("--image"),
            Prompt = values.GetValueOrDefault("--prompt"),
            Model = values.GetValueOrDefault("--model"),
            AspectRatio = values.GetValueOrDefault("--aspect-ratio"),
            Count = count,
            OutputDirectory = values.GetValueOrDefault("--out") ?? "outputs",
            BaseUrl = baseUrl,
        };
        if (string.IsNullOrWhiteSpace(parsed.Prompt))
        {
            throw new FormatException("--prompt is required and must not be empty.");
        }

        if (command == "edit" && string.IsNullOrWhiteSpace(parsed.Image))
        {
            throw new FormatException("--image is required for 'edit'.");
        }

        return parsed;
    }
}
