using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// The text the parser reads: the document without the whitespace between its tokens. Two documents that differ only
/// in layout give the same text, so the pipeline's parse step stays cached after a whitespace edit; diagnostics, which
/// do depend on the layout, are placed in the current text in a step of their own. A text that is not JSON is changed
/// the same way; its diagnostic is placed by parsing the original text again.
/// </summary>
internal static class SpecCanonicalizer
{
    public static SpecInput Canonical(SpecInput input)
    {
        // Two passes: the first counts what stays, so that the text is copied once into a buffer of its final size
        // (a large document is mostly indentation, and a growing builder would allocate it several times over).
        string text = input.Text;
        int kept = Copy(text, null);
        if (kept == text.Length)
        {
            return input;
        }

        var canonical = new char[kept];
        Copy(text, canonical);
        return input with { Text = new string(canonical) };
    }

    /// <summary>Copies the characters of <paramref name="text"/> outside whitespace between tokens into <paramref name="target"/>, if any; returns their count.</summary>
    private static int Copy(string text, char[]? target)
    {
        int length = 0;
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    Put(target, length++, c);
                    c = text[++i];
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            Put(target, length++, c);
        }

        return length;
    }

    private static void Put(char[]? target, int index, char c)
    {
        if (target is { } buffer)
        {
            buffer[index] = c;
        }
    }
}
