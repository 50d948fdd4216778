using System.Buffers;
using System.Text.RegularExpressions;

namespace ManifestPolicy.Rules.Placeholders;

/// <summary>Which placeholder syntaxes a value is checked for; the surrounding field decides.</summary>
[Flags]
internal enum PlaceholderFamilies
{
    None = 0,

    /// <summary><c>&lt;NAME&gt;</c>, <c>&lt;name-here&gt;</c>, <c>&lt;free text&gt;</c>.</summary>
    Angle = 1,

    /// <summary>Only <c>&lt;UPPER_SNAKE&gt;</c>: the one angle form that stays unambiguous inside embedded files.</summary>
    AngleUpperOnly = 2,

    /// <summary><c>${VAR}</c> as envsubst, Flux and OpenShift templates write it.</summary>
    Dollar = 4,

    /// <summary><c>{{ ... }}</c> as Go, Jinja, mustache and sed templates write it.</summary>
    Mustache = 8,

    /// <summary>REPLACE_ME, CHANGEME, REPLACE_WITH_..., YOUR_..._HERE.</summary>
    BareWord = 16,

    All = Angle | AngleUpperOnly | Dollar | Mustache | BareWord,

    /// <summary>Embedded files and scripts carry their own template syntaxes and comments.</summary>
    Embedded = AngleUpperOnly | BareWord,
}

/// <summary>One placeholder in a value: where it starts in the value, its text, and the name between its delimiters.</summary>
internal readonly record struct PlaceholderMatch(int Index, int Length, string Text, string Name);

/// <summary>The first placeholder of a value and how many there are in all.</summary>
internal readonly record struct PlaceholderScan(PlaceholderMatch First, int Count);

/// <summary>
/// Finds placeholders in one value. The built-in syntaxes are source-generated regular expressions behind a cheap
/// character prefilter, so a value without any candidate character costs one vectorised search and no allocation.
/// </summary>
internal static partial class PlaceholderScanner
{
    private static readonly SearchValues<char> DelimiterChars = SearchValues.Create("<${");

    private static readonly SearchValues<string> BareWordStems = SearchValues.Create(
        ["REPLACE", "CHANGE", "FILL", "YOUR_", "TO_BE", "TOBE"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Text that Go templates and tools print for "nothing", and markup: angle brackets that are not fill-in tokens.</summary>
    private static readonly HashSet<string> NotAngleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "no value", "nil", "none", "null", "unknown", "unset", "empty", "pending", "invalid", "redacted", "omitted",
        "missing", "stdin", "stdout", "stderr", "EOF",
        "a", "b", "i", "p", "u", "s", "q", "br", "hr", "em", "tt", "li", "ul", "ol", "dl", "dt", "dd", "td", "tr", "th",
        "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "pre", "code", "html", "head", "body", "title", "table",
        "thead", "tbody", "strong", "small", "sub", "sup", "img", "script", "style", "meta", "link", "center", "font",
        "label", "form", "input", "button", "select", "option", "section", "header", "footer", "nav", "main", "xml",
    };

    /// <summary>Configuration providers that expand <c>${scheme:NAME}</c> at run time (OpenTelemetry, Spring).</summary>
    private static readonly HashSet<string> ExpansionSchemes = new(StringComparer.Ordinal)
    {
        "env", "file", "yaml", "http", "https", "vault", "secret", "sys",
    };

    // A letter or digit right before "<" makes it a generic type (List<String>) or an expression (a<b).
    [GeneratedRegex(@"(?<![A-Za-z0-9<])<([A-Za-z_](?:[A-Za-z0-9_.\- ]{0,78}[A-Za-z0-9_.\-])?)>", RegexOptions.CultureInvariant)]
    private static partial Regex AngleRegex();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex UpperSnakeRegex();

    // "$${X}" is an escaped dollar (Terraform, Compose); "${X:-default}" and friends are shell defaults.
    [GeneratedRegex(@"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-=?+]|:)[^{}\n]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex DollarRegex();

    [GeneratedRegex(@"\{\{-?\s*([^\n]*?)\s*-?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex MustacheRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:REPLACE[_-]?ME|CHANGE[_-]?ME|REPLACE_WITH_[A-Za-z0-9_]+|FILL[_-]?ME(?:[_-]?IN)?|TO_?BE_?REPLACED|YOUR_[A-Z0-9_]+_HERE)(?![A-Za-z0-9_])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BareWordRegex();

    /// <summary>Whether the value can hold a built-in placeholder at all; false for nearly every value.</summary>
    public static bool MayContain(ReadOnlySpan<char> value) =>
        value.IndexOfAny(DelimiterChars) >= 0 || value.IndexOfAny(BareWordStems) >= 0;

    /// <summary>Scans a value; returns false when it holds no placeholder of the given families.</summary>
    public static bool TryScan(string value, PlaceholderFamilies families, PlaceholderPatterns patterns, IReadOnlySet<string>? declaredParameters, out PlaceholderScan scan)
    {
        scan = default;
        var builtIn = MayContain(value);
        if (!builtIn && patterns.Extra.Count == 0)
        {
            return false;
        }

        var state = new ScanState();
        var multiLine = value.Contains('\n');
        List<(int Start, int End)>? templateSpans = null;
        if (builtIn && value.Contains("{{", StringComparison.Ordinal))
        {
            templateSpans = [];
            foreach (var m in MustacheRegex().EnumerateMatches(value))
            {
                templateSpans.Add((m.Index, m.Index + m.Length));
                if ((families & PlaceholderFamilies.Mustache) != 0 && !multiLine)
                {
                    var text = value.Substring(m.Index, m.Length);
                    var name = MustacheName(text);
                    if (name.Length > 0 && name[0] != '$' && !name.StartsWith("/*", StringComparison.Ordinal))
                    {
                        state.Offer(new PlaceholderMatch(m.Index, m.Length, text, name), patterns);
                    }
                }
            }
        }

        if (builtIn)
        {
            if ((families & (PlaceholderFamilies.Angle | PlaceholderFamilies.AngleUpperOnly)) != 0 && value.Contains('<') && !LooksLikeMarkup(value))
            {
                var upperOnly = (families & PlaceholderFamilies.Angle) == 0;
                foreach (var m in AngleRegex().EnumerateMatches(value))
                {
                    var name = value.Substring(m.Index + 1, m.Length - 2);
                    if (NotAngleNames.Contains(name) || Inside(templateSpans, m.Index) || (upperOnly && !UpperSnakeRegex().IsMatch(name)) || (multiLine && OnCommentLine(value, m.Index)))
                    {
                        continue;
                    }

                    state.Offer(new PlaceholderMatch(m.Index, m.Length, value.Substring(m.Index, m.Length), name), patterns);
                }
            }

            if ((families & PlaceholderFamilies.Dollar) != 0 && !multiLine && value.Contains("${", StringComparison.Ordinal))
            {
                foreach (var m in DollarRegex().EnumerateMatches(value))
                {
                    var text = value.Substring(m.Index, m.Length);
                    var name = DollarName(text);
                    var isScheme = text.Length > name.Length + 2 && text[name.Length + 2] == ':' && ExpansionSchemes.Contains(name);
                    if (isScheme || Inside(templateSpans, m.Index) || declaredParameters?.Contains(name) == true)
                    {
                        continue;
                    }

                    state.Offer(new PlaceholderMatch(m.Index, m.Length, text, name), patterns);
                }
            }

            if ((families & PlaceholderFamilies.BareWord) != 0 && value.AsSpan().IndexOfAny(BareWordStems) >= 0)
            {
                foreach (var m in BareWordRegex().EnumerateMatches(value))
                {
                    if (Inside(templateSpans, m.Index) || (multiLine && OnCommentLine(value, m.Index)))
                    {
                        continue;
                    }

                    var text = value.Substring(m.Index, m.Length);
                    state.Offer(new PlaceholderMatch(m.Index, m.Length, text, text), patterns);
                }
            }
        }

        foreach (var extra in patterns.Extra)
        {
            foreach (Match m in extra.Matches(value))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                var named = m.Groups["name"];
                var name = named.Success ? named.Value : StripDelimiters(m.Value);
                state.Offer(new PlaceholderMatch(m.Index, m.Length, m.Value, name), patterns);
            }
        }

        if (state.Count == 0)
        {
            return false;
        }

        scan = new PlaceholderScan(state.First, state.Count);
        return true;
    }

    private static bool LooksLikeMarkup(string value) =>
        value.Contains("</", StringComparison.Ordinal) || value.Contains("/>", StringComparison.Ordinal);

    private static bool Inside(List<(int Start, int End)>? spans, int index)
    {
        if (spans is null)
        {
            return false;
        }

        foreach (var (start, end) in spans)
        {
            if (index >= start && index < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Comments inside embedded scripts and files explain usage (<c># usage: run.sh &lt;ns&gt;</c>); they are not values.</summary>
    private static bool OnCommentLine(string value, int index)
    {
        var lineStart = value.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var line = value.AsSpan(lineStart, index - lineStart).TrimStart();
        return line.StartsWith("#") || line.StartsWith("//") || line.StartsWith("--") || line.StartsWith("<!--");
    }

    private static string MustacheName(string text)
    {
        var inner = text.AsSpan(2, text.Length - 4);
        inner = inner.Trim('-').Trim();
        return inner.ToString();
    }

    private static string DollarName(string text)
    {
        var end = 2;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[2..end];
    }

    private static string StripDelimiters(string text)
    {
        var trimmed = text.AsSpan().Trim("<>${}% ".AsSpan());
        return trimmed.Length == 0 ? text : trimmed.ToString();
    }

    private struct ScanState
    {
        public PlaceholderMatch First;
        public int Count;

        public void Offer(PlaceholderMatch match, PlaceholderPatterns patterns)
        {
            if (patterns.IsIgnored(match.Text))
            {
                return;
            }

            if (Count == 0 || match.Index < First.Index)
            {
                First = match;
            }

            Count++;
        }
    }
}
