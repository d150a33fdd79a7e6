using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Writes indented C# text; knows how to write XML documentation and string literals safely.</summary>
internal sealed class CodeWriter
{
    private static readonly char[] BacktickOrLineBreak = { '`', '\n' };
    private static readonly char[] BracketOrLineBreak = { ']', '\n' };
    private static readonly char[] StarOrLineBreak = { '*', '\n' };

    /// <summary>Beyond this, a method's parameters go on lines of their own.</summary>
    public const int MaxLineLength = 140;

    private readonly StringBuilder _builder;
    private int _indent;

    public CodeWriter()
        : this(new StringBuilder())
    {
    }

    /// <summary>
    /// Writes into <paramref name="builder"/>, emptied first. One builder serves every file of a client: once it has held
    /// the first file, the next ones are written into its one buffer instead of a new chain of chunks each.
    /// </summary>
    public CodeWriter(StringBuilder builder)
    {
        _builder = builder.Clear();
    }

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>
    /// Starts a line at the current indentation, for lines written in pieces with <see cref="Write(string)"/> and ended
    /// with <see cref="EndLine"/>: the emitters' most frequent lines are built in place, with no string of their own.
    /// </summary>
    public CodeWriter StartLine()
    {
        _builder.Append(' ', _indent * 4);
        return this;
    }

    public CodeWriter Write(string text)
    {
        _builder.Append(text);
        return this;
    }

    public void EndLine() => _builder.Append('\n');

    /// <summary>Ends a line started with <see cref="StartLine"/> and opens a block under it, as <see cref="Open"/> does.</summary>
    public void EndLineAndOpen()
    {
        EndLine();
        Line("{");
        _indent++;
    }

    public void Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
    }

    /// <summary>
    /// Opens a method: on one line when it fits in <see cref="MaxLineLength"/>, else with one parameter per line.
    /// </summary>
    /// <param name="head">Modifiers, return type and name, e.g. <c>public Task CreateAsync</c>.</param>
    public void OpenMethod(string head, IReadOnlyList<string> parameters)
    {
        string oneLine = $"{head}({string.Join(", ", parameters)})";
        if (parameters.Count < 2 || (_indent * 4) + oneLine.Length <= MaxLineLength)
        {
            Open(oneLine);
            return;
        }

        Line(head + "(");
        _indent++;
        for (int i = 0; i < parameters.Count; i++)
        {
            Line(parameters[i] + (i == parameters.Count - 1 ? ")" : ","));
        }

        _indent--;
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>Writes <c>&lt;summary&gt;</c> and <c>&lt;remarks&gt;</c> from spec text.</summary>
    /// <param name="doc">Spec text, escaped here.</param>
    /// <param name="fallbackSummary">XML written as is when the spec has no summary; none when null.</param>
    public void Doc(DocModel doc, string? fallbackSummary)
    {
        if (doc.Summary is { Length: > 0 } summary)
        {
            DocTag("summary", summary);
        }
        else if (fallbackSummary is not null)
        {
            DocXml("summary", fallbackSummary);
        }

        if (doc.Remarks is { Length: > 0 } remarks)
        {
            DocTag("remarks", remarks);
        }
    }

    /// <summary>Writes one XML doc element whose content is already XML.</summary>
    public void DocXml(string tag, string xml, string? attributes = null)
    {
        if (!TryWriteDocLine(tag, xml, attributes))
        {
            WriteDocLines(tag, xml.Split('\n'), attributes);
        }
    }

    /// <summary>Writes one XML doc element, escaping the text and turning light Markdown into doc tags.</summary>
    public void DocTag(string tag, string text, string? attributes = null)
    {
        string xml = XmlText(text);
        if (IsBullet(xml) || !TryWriteDocLine(tag, xml, attributes))
        {
            WriteDocLines(tag, BulletLists(xml.Split('\n')), attributes);
        }
    }

    /// <summary>Most doc text is one short line: written as <c>/// &lt;tag&gt;text&lt;/tag&gt;</c> without splitting it.</summary>
    private bool TryWriteDocLine(string tag, string xml, string? attributes)
    {
        if (xml.Length >= MaxLineLength || xml.IndexOf('\n') >= 0)
        {
            return false;
        }

        StartLine().Write("/// <").Write(tag);
        if (attributes is not null)
        {
            Write(" ").Write(attributes);
        }

        Write(">").Write(xml).Write("</").Write(tag).Write(">").EndLine();
        return true;
    }

    private static bool IsBullet(string line)
    {
        string trimmed = line.TrimStart();
        return trimmed.StartsWith("- ", System.StringComparison.Ordinal) || trimmed.StartsWith("* ", System.StringComparison.Ordinal);
    }

    /// <summary>
    /// Turns Markdown bullets (<c>- item</c>, with indented sub-bullets folded into their item) into an XML doc
    /// <c>&lt;list&gt;</c>, which IntelliSense shows as a list instead of one run-on paragraph.
    /// </summary>
    private static string[] BulletLists(string[] lines)
    {
        var result = new List<string>();
        StringBuilder? item = null;
        bool inList = false;
        foreach (string line in lines)
        {
            string trimmed = line.TrimStart();
            bool bullet = IsBullet(trimmed);
            bool nested = bullet && line.Length - trimmed.Length > 0;
            if (bullet && nested && item is not null)
            {
                item.Append("; ").Append(trimmed.Substring(2).Trim());
                continue;
            }

            FlushItem(result, ref item);
            if (bullet)
            {
                if (!inList)
                {
                    result.Add("<list type=\"bullet\">");
                    inList = true;
                }

                item = new StringBuilder(trimmed.Substring(2).Trim());
                continue;
            }

            if (inList)
            {
                result.Add("</list>");
                inList = false;
            }

            result.Add(line);
        }

        FlushItem(result, ref item);
        if (inList)
        {
            result.Add("</list>");
        }

        return result.ToArray();
    }

    private static void FlushItem(List<string> result, ref StringBuilder? item)
    {
        if (item is not null)
        {
            result.Add($"<item><description>{item}</description></item>");
            item = null;
        }
    }

    private void WriteDocLines(string tag, string[] lines, string? attributes)
    {
        string open = attributes is null ? $"<{tag}>" : $"<{tag} {attributes}>";
        if (OnOneLine(lines) is { } single)
        {
            Line($"/// {open}{single}</{tag}>");
            return;
        }

        Line($"/// {open}");
        bool paragraph = false;
        foreach (string line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (!paragraph)
                {
                    Line("/// <para/>");
                    paragraph = true;
                }

                continue;
            }

            paragraph = false;
            Line("/// " + line.TrimEnd());
        }

        Line($"/// </{tag}>");
    }

    /// <summary>
    /// Short text without paragraphs or lists, on one line: a doc comment's line breaks show as spaces anyway, so
    /// "A URI." and "Example: …" cost no more than they say.
    /// </summary>
    private static string? OnOneLine(string[] lines)
    {
        if (lines.Length == 1)
        {
            return lines[0].Length < MaxLineLength ? lines[0] : null;
        }

        int length = 0;
        foreach (string line in lines)
        {
            if (line.Trim().Length == 0 || line.StartsWith("<", System.StringComparison.Ordinal))
            {
                return null;
            }

            length += line.Length + 1;
        }

        if (length >= MaxLineLength)
        {
            return null;
        }

        var trimmed = new string[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            trimmed[i] = lines[i].Trim();
        }

        return string.Join(" ", trimmed);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Escapes spec text for an XML doc comment; Markdown code spans become <c>&lt;c&gt;</c>.</summary>
    public static string XmlText(string text)
    {
        if (IsPlain(text))
        {
            return text.Trim();
        }

        // One pass: line breaks to \n, tabs to spaces, control characters out, and the XML specials escaped.
        var clean = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r':
                    clean.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    clean.Append('\n');
                    break;
                case '\t':
                    clean.Append("    ");
                    break;
                case '&':
                    clean.Append("&amp;");
                    break;
                case '<':
                    clean.Append("&lt;");
                    break;
                case '>':
                    clean.Append("&gt;");
                    break;
                case '\uFFFE' or '\uFFFF':
                    clean.Append('?');
                    break;
                default:
                    if (!char.IsControl(c) || c == '\n')
                    {
                        clean.Append(c);
                    }

                    break;
            }
        }

        // Then the light Markdown, each kind over the result of the one before. Hand-written scanners rather than regular
        // expressions: a large document's docs are mostly this text, and a Regex costs its construction and its
        // interpreter on the generator's first run.
        string escaped = clean.ToString();
        escaped = CodeSpans(escaped);
        escaped = Links(escaped);
        escaped = BoldSpans(escaped);
        return escaped.Trim();
    }

    /// <summary><c>`code`</c> → <c>&lt;c&gt;code&lt;/c&gt;</c>: a backtick, one or more characters other than a backtick or a line break, a backtick.</summary>
    private static string CodeSpans(string text)
    {
        int open = text.IndexOf('`');
        if (open < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        int copied = 0;
        while (open >= 0)
        {
            int close = open + 1 < text.Length ? text.IndexOfAny(BacktickOrLineBreak, open + 1) : -1;
            if (close > open + 1 && text[close] == '`')
            {
                result.Append(text, copied, open - copied).Append("<c>").Append(text, open + 1, close - open - 1).Append("</c>");
                copied = close + 1;
                open = copied < text.Length ? text.IndexOf('`', copied) : -1;
            }
            else
            {
                // No span starts here; the next backtick may open one (as a regular expression would retry one further on).
                open = open + 1 < text.Length ? text.IndexOf('`', open + 1) : -1;
            }
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// <c>[label](https://…)</c> → <c>&lt;see href="https://…"&gt;label&lt;/see&gt;</c>: a label of one or more characters
    /// other than <c>]</c> or a line break, and an http(s) address of one or more characters other than <c>)</c> or white space.
    /// </summary>
    private static string Links(string text)
    {
        int open = text.IndexOf('[');
        if (open < 0 || text.IndexOf("](", System.StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 32);
        int copied = 0;
        while (open >= 0)
        {
            if (IsLink(text, open, out int labelEnd, out int addressEnd))
            {
                string address = text.Substring(labelEnd + 2, addressEnd - labelEnd - 2);
                result.Append(text, copied, open - copied)
                    .Append("<see href=\"").Append(address.Replace("\"", "&quot;")).Append("\">")
                    .Append(text, open + 1, labelEnd - open - 1).Append("</see>");
                copied = addressEnd + 1;
                open = copied < text.Length ? text.IndexOf('[', copied) : -1;
            }
            else
            {
                open = open + 1 < text.Length ? text.IndexOf('[', open + 1) : -1;
            }
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Whether a link starts at <paramref name="open"/> (a <c>[</c>); if so, where its <c>]</c> and its closing <c>)</c> are.</summary>
    private static bool IsLink(string text, int open, out int labelEnd, out int addressEnd)
    {
        addressEnd = -1;
        labelEnd = open + 1 < text.Length ? text.IndexOfAny(BracketOrLineBreak, open + 1) : -1;
        if (labelEnd <= open + 1 || text[labelEnd] != ']' || labelEnd + 1 >= text.Length || text[labelEnd + 1] != '(')
        {
            return false;
        }

        int address = labelEnd + 2;
        int rest = string.CompareOrdinal(text, address, "http://", 0, 7) == 0 ? address + 7
            : string.CompareOrdinal(text, address, "https://", 0, 8) == 0 ? address + 8
            : -1;
        if (rest < 0)
        {
            return false;
        }

        int end = rest;
        while (end < text.Length && text[end] != ')' && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        if (end == rest || end >= text.Length || text[end] != ')')
        {
            return false;
        }

        addressEnd = end;
        return true;
    }

    /// <summary><c>**bold**</c> → <c>&lt;b&gt;bold&lt;/b&gt;</c>: one or more characters other than <c>*</c> or a line break between double stars.</summary>
    private static string BoldSpans(string text)
    {
        int open = text.IndexOf("**", System.StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        int copied = 0;
        while (open >= 0)
        {
            int start = open + 2;
            int close = start < text.Length ? text.IndexOfAny(StarOrLineBreak, start) : -1;
            if (close > start && text[close] == '*' && close + 1 < text.Length && text[close + 1] == '*')
            {
                result.Append(text, copied, open - copied).Append("<b>").Append(text, start, close - start).Append("</b>");
                copied = close + 2;
                open = copied < text.Length ? text.IndexOf("**", copied, System.StringComparison.Ordinal) : -1;
            }
            else
            {
                open = text.IndexOf("**", open + 1, System.StringComparison.Ordinal);
            }
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Text that <see cref="XmlText"/> leaves as it is but for surrounding whitespace: most of a document's.</summary>
    private static bool IsPlain(string text)
    {
        foreach (char c in text)
        {
            bool special = c < ' '
                ? c != '\n'
                : c is '&' or '<' or '>' or '`' or '*' or ']'
                    || (c >= '\u007f' && (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF'));
            if (special)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string value) => Literal(value, string.Empty);

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>) for a JSON property name.</summary>
    public static string Utf8Literal(string value) => Literal(value, "u8");

    private static string Literal(string value, string suffix)
    {
        if (!NeedsEscape(value))
        {
            return "\"" + value + "\"" + suffix;
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 32 || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c) || c >= '\uFFF0')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').Append(suffix).ToString();
    }

    private static bool NeedsEscape(string value)
    {
        foreach (char c in value)
        {
            if (c < ' ' || c is '"' or '\\' || c >= '\u0085')
            {
                return true;
            }
        }

        return false;
    }
}
