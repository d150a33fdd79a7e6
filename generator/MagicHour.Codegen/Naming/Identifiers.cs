using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MagicHour.Codegen.Naming;

/// <summary>Turns wire names (<c>image_file_paths</c>, <c>16:9</c>, <c>nano-banana-2</c>) into readable C# identifiers.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Splits a wire name into words: separators split, and so does a lower-to-upper case change.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsIdentifierChar(c))
            {
                Flush(current, words);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(current[current.Length - 1]))
            {
                Flush(current, words);
            }

            current.Append(c);
        }

        Flush(current, words);
        return words;
    }

    /// <summary><c>image_file_paths</c> → <c>ImageFilePaths</c>; <c>AI_IMAGE</c> → <c>AiImage</c>; never empty.</summary>
    public static string ToPascalCase(string text, string fallback = "Value")
    {
        // The words of Words(text), each through AppendWord, without a string per word: the parser names every type,
        // property and member through here.
        var name = new char[text.Length];
        int length = 0;
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool isPart = i < text.Length && IsIdentifierChar(text[i]);
            if (start >= 0 && (!isPart || (char.IsUpper(text[i]) && char.IsLower(text[i - 1]))))
            {
                length = AppendWord(name, length, text, start, i);
                start = -1;
            }

            if (isPart && start < 0)
            {
                start = i;
            }
        }

        bool unchanged = length == text.Length && SameAs(name, text);
        return Finish(unchanged ? text : new string(name, 0, length), fallback);
    }

    private static bool SameAs(char[] name, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (name[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>image_file_paths</c> → <c>imageFilePaths</c>, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string text, string fallback = "value")
    {
        string pascal = ToPascalCase(text, string.Empty);
        if (pascal.Length == 0 || char.IsDigit(pascal[0]))
        {
            pascal = ToPascalCase(fallback) + pascal;
        }

        int upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
        {
            upper++;
        }

        // "URLPath" → "urlPath": lower the leading acronym but not the first letter of the next word.
        int lowerCount = upper <= 1 || upper == pascal.Length ? upper : upper - 1;
        if (lowerCount == 0)
        {
            return EscapeKeyword(pascal);
        }

        char[] camel = pascal.ToCharArray();
        for (int i = 0; i < lowerCount; i++)
        {
            camel[i] = char.ToLowerInvariant(camel[i]);
        }

        return EscapeKeyword(new string(camel));
    }

    /// <summary>
    /// A readable member name for an enum value: <c>nano-banana-2</c> → <c>NanoBanana2</c>, <c>seedream-v4.5</c> →
    /// <c>SeedreamV4_5</c>, <c>16:9</c> → <c>Ratio16x9</c> (a leading digit takes the last word of the enum's name).
    /// </summary>
    public static string ToEnumMemberName(string wireValue, string enumName)
    {
        var normalized = new StringBuilder();
        for (int i = 0; i < wireValue.Length; i++)
        {
            char c = wireValue[i];
            bool betweenDigits = i > 0 && i < wireValue.Length - 1 && char.IsDigit(wireValue[i - 1]) && char.IsDigit(wireValue[i + 1]);
            if (betweenDigits && c == ':')
            {
                normalized.Append('x');
            }
            else if (betweenDigits && (c == '.' || c == ','))
            {
                normalized.Append('\u0001');
            }
            else
            {
                normalized.Append(c);
            }
        }

        var builder = new StringBuilder();
        foreach (string part in normalized.ToString().Split('\u0001'))
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            foreach (string word in Words(part))
            {
                AppendWord(builder, word);
            }
        }

        string name = builder.ToString().Trim('_');
        if (name.Length == 0)
        {
            return wireValue.Length == 0 ? "Empty" : "Value" + HexOf(wireValue);
        }

        if (char.IsDigit(name[0]))
        {
            List<string> enumWords = Words(enumName);
            string prefix = enumWords.Count == 0 ? "Value" : ToPascalCase(enumWords[enumWords.Count - 1]);
            if (char.IsDigit(prefix[0]))
            {
                prefix = "Value";
            }

            name = prefix + name;
        }

        return name;
    }

    /// <summary>A simple English singular for naming array items: <c>downloads</c> → <c>Download</c>.</summary>
    public static string Singularize(string pascalName)
    {
        if (pascalName.EndsWith("ies", System.StringComparison.Ordinal) && pascalName.Length > 4)
        {
            return pascalName.Substring(0, pascalName.Length - 3) + "y";
        }

        if (pascalName.EndsWith("sses", System.StringComparison.Ordinal) || pascalName.EndsWith("xes", System.StringComparison.Ordinal))
        {
            return pascalName.Substring(0, pascalName.Length - 2);
        }

        if (pascalName.EndsWith("s", System.StringComparison.Ordinal) && !pascalName.EndsWith("ss", System.StringComparison.Ordinal)
            && !pascalName.EndsWith("us", System.StringComparison.Ordinal) && pascalName.Length > 2)
        {
            return pascalName.Substring(0, pascalName.Length - 1);
        }

        return pascalName + "Item";
    }

    public static string EscapeKeyword(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    public static bool IsKeyword(string identifier) => Keywords.Contains(identifier);

    private static void AppendWord(StringBuilder builder, string word)
    {
        bool allUpper = true;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        string rest = word.Substring(1);
        builder.Append(allUpper && word.Length > 1 ? rest.ToLowerInvariant() : rest);
    }

    /// <summary>Appends <c>text[start..end]</c> as <see cref="AppendWord(StringBuilder, string)"/> does; returns the new length.</summary>
    private static int AppendWord(char[] name, int length, string text, int start, int end)
    {
        bool allUpper = true;
        for (int i = start; i < end; i++)
        {
            if (char.IsLower(text[i]))
            {
                allUpper = false;
                break;
            }
        }

        bool lowerRest = allUpper && end - start > 1;
        name[length++] = char.ToUpperInvariant(text[start]);
        for (int i = start + 1; i < end; i++)
        {
            name[length++] = lowerRest ? char.ToLowerInvariant(text[i]) : text[i];
        }

        return length;
    }

    private static string Finish(string name, string fallback)
    {
        if (name.Length == 0)
        {
            return fallback;
        }

        return char.IsDigit(name[0]) ? fallback + name : name;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool IsIdentifierChar(char c)
    {
        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
    }

    private static string HexOf(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text)
        {
            builder.Append(((int)c).ToString("X", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
