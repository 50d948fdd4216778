using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Yaml;

/// <summary>
/// Writes a string as a YAML scalar that parses back to exactly that string. Plain style is used only when nothing in
/// the value could be read as syntax or retyped (bool, null, number, date); otherwise the value is quoted. Every fix
/// that inserts a value goes through here, so no value can inject structure into a user's file.
/// </summary>
public static partial class YamlScalarWriter
{
    // YAML 1.1 resolves these to bool or null (Kubernetes' decoder still speaks YAML 1.1); any casing is quoted.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "=", "<<",
        ".inf", "-.inf", "+.inf", ".nan",
    };

    /// <summary>Anything that starts like a number, a date or a sexagesimal: quoted rather than risk a retype.</summary>
    [GeneratedRegex(@"^[-+]?\.?[0-9][0-9a-fA-F_.:+\-xXoObBeEtTzZ ]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    /// <summary>The scalar text for <paramref name="value"/>, keeping <paramref name="preferred"/> style when it stays exact.</summary>
    public static string Write(string value, ScalarStyle preferred = ScalarStyle.Plain, bool inFlow = false)
    {
        EnsureEncodable(value);
        return preferred switch
        {
            ScalarStyle.Plain when CanBePlain(value, inFlow) => value,
            ScalarStyle.SingleQuoted when CanBeSingleQuoted(value) => SingleQuoted(value),
            _ => DoubleQuoted(value),
        };
    }

    /// <summary>True when the value can stand unquoted and still parse as this exact string.</summary>
    public static bool CanBePlain(string value, bool inFlow)
    {
        if (value.Length == 0 || value.Length > 1024 || ReservedWords.Contains(value) || NumberLike().IsMatch(value))
        {
            return false;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) || value[^1] == ':')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsSafePrintable(c) || c == '\t' || (inFlow && c is ',' or '[' or ']' or '{' or '}' or ':' or '#'))
            {
                return false;
            }
        }

        return !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal)
            && !value.Contains("---", StringComparison.Ordinal)
            && !value.Contains("...", StringComparison.Ordinal);
    }

    /// <summary>Single quotes hold any printable one-line text; a quote is doubled.</summary>
    public static bool CanBeSingleQuoted(string value)
    {
        foreach (var c in value)
        {
            if (!IsSafePrintable(c) || c == '\t')
            {
                return false;
            }
        }

        // Leading or trailing spaces survive single quotes, but a value that is only spaces reads badly: quote it doubly.
        return value.Trim().Length > 0 || value.Length == 0;
    }

    public static string SingleQuoted(string value) => "'" + SingleQuotedContent(value) + "'";

    public static string SingleQuotedContent(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    public static string DoubleQuoted(string value) => "\"" + DoubleQuotedContent(value) + "\"";

    /// <summary>The escaped content of a double-quoted scalar; the escapes chosen are valid JSON as well as YAML.</summary>
    public static string DoubleQuotedContent(string value)
    {
        EnsureEncodable(value);
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (IsSafePrintable(c))
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A value with an unpaired surrogate cannot be written as UTF-8 at all.</summary>
    public static void EnsureEncodable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new ArgumentException("the value holds an unpaired UTF-16 surrogate, which no UTF-8 file can hold", nameof(value));
            }
        }
    }

    /// <summary>Printable in YAML's sense and free of characters YAML 1.1 treats as line breaks or byte order marks.</summary>
    private static bool IsSafePrintable(char c) =>
        c >= ' ' && c != '\u007F' && !(c >= '\u0080' && c <= '\u009F') && c is not ('\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
        && !char.IsSurrogate(c);
}
