using System.Text;
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
        string text = input.Text;
        var builder = new StringBuilder(text.Length);
        bool inString = false;
        int runStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
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
                builder.Append(text, runStart, i - runStart);
                runStart = i + 1;
            }
        }

        if (runStart == 0)
        {
            return input;
        }

        builder.Append(text, runStart, text.Length - runStart);
        return input with { Text = builder.ToString() };
    }
}
