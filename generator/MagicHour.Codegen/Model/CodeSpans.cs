namespace MagicHour.Codegen.Model;

/// <summary>
/// The <c>`code`</c> spans of a deprecation note (<see cref="DeprecationModel.Note"/>): a backtick, one or more
/// characters other than a backtick (line breaks included), a backtick. The parser finds the replacements a note names
/// by them and the emitter words the note by them, so both read the same spans. A scan, not a regular expression:
/// building one costs a cold generator run more than every note it reads.
/// </summary>
internal static class CodeSpans
{
    /// <summary>The first span at or after <paramref name="from"/>: the positions of its two backticks.</summary>
    public static bool TryFind(string text, int from, out int open, out int close)
    {
        open = text.IndexOf('`', from);
        while (open >= 0 && open + 1 < text.Length)
        {
            close = text.IndexOf('`', open + 1);
            if (close < 0)
            {
                break;
            }

            if (close > open + 1)
            {
                return true;
            }

            // "``" encloses nothing; its second backtick may open a span.
            open = close;
        }

        open = close = -1;
        return false;
    }

    /// <summary>The text between the backticks of the span found by <see cref="TryFind"/>.</summary>
    public static string Content(string text, int open, int close) => text.Substring(open + 1, close - open - 1);
}
