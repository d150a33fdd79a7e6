using System;
using System.Collections.Generic;
using System.Globalization;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>The options of the <c>compare</c> command (see Program.cs).</summary>
internal sealed record CompareOptions(
    IReadOnlyList<string> Documents, int ColdRuns, int WarmRuns, int CompileRuns, bool NSwag, IReadOnlyList<string> NSwagArguments, bool Keep)
{
    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var documents = new List<string>();
        var nswagArguments = new List<string>();
        int cold = 5, warm = 5, compile = 5;
        bool nswag = true, keep = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--cold": cold = Count(args, ++i); break;
                case "--warm": warm = Count(args, ++i); break;
                case "--compile": compile = Count(args, ++i); break;
                case "--no-nswag": nswag = false; break;
                case "--nswag-arg" when i + 1 < args.Count: nswagArguments.Add(args[++i]); break;
                case "--keep": keep = true; break;
                case string option when option.StartsWith("--", StringComparison.Ordinal): throw new ArgumentException($"unknown option {option} (see Program.cs)");
                default: documents.Add(args[i]); break;
            }
        }

        return new CompareOptions(documents, cold, warm, compile, nswag, nswagArguments, keep);
    }

    private static int Count(IReadOnlyList<string> args, int i) =>
        i < args.Count && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive number");
}
