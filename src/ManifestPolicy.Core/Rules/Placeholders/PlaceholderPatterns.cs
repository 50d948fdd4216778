using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ManifestPolicy.Analyzers;

namespace ManifestPolicy.Rules.Placeholders;

/// <summary>The user's extra and ignored placeholder patterns, compiled once per options instance.</summary>
internal sealed class PlaceholderPatterns
{
    private static readonly ConditionalWeakTable<AnalyzerOptions, PlaceholderPatterns> Cache = [];

    // A user's pattern must not be able to stall a run; a second per value is generous.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static PlaceholderPatterns None { get; } = new([], []);

    private PlaceholderPatterns(IReadOnlyList<Regex> extra, IReadOnlyList<Regex> ignored)
    {
        Extra = extra;
        Ignored = ignored;
    }

    public IReadOnlyList<Regex> Extra { get; }

    public IReadOnlyList<Regex> Ignored { get; }

    public static PlaceholderPatterns For(AnalyzerOptions options)
    {
        if (options.ExtraPlaceholderPatterns.Count == 0 && options.IgnoredPlaceholderPatterns.Count == 0)
        {
            return None;
        }

        return Cache.GetValue(options, o => new PlaceholderPatterns(
            Compile(o.ExtraPlaceholderPatterns, "extra"),
            Compile(o.IgnoredPlaceholderPatterns, "ignored")));
    }

    public bool IsIgnored(string placeholder)
    {
        foreach (var regex in Ignored)
        {
            if (regex.IsMatch(placeholder))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex[] Compile(IReadOnlyList<string> patterns, string what) =>
        [.. patterns.Select(pattern =>
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"The {what} placeholder pattern '{pattern}' is not a valid regular expression: {ex.Message}", ex);
            }
        })];
}
