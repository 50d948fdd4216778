using System.Text.RegularExpressions;

namespace ManifestPolicy.Configuration;

/// <summary>One "key = value" line of an .editorconfig section; the key is lower-cased as the format prescribes.</summary>
public sealed record EditorConfigEntry(string Key, string Value, int Line);

/// <summary>A "[glob]" section with its entries in file order.</summary>
public sealed record EditorConfigSection(string Name, EditorConfigGlob Glob, IReadOnlyList<EditorConfigEntry> Entries, int Line);

/// <summary>
/// A parsed .editorconfig. Lines the format does not recognise are skipped, as every EditorConfig reader does,
/// because the file is shared with editors and other tools.
/// </summary>
public sealed partial class EditorConfigFile
{
    private EditorConfigFile(string path, bool isRoot, IReadOnlyList<EditorConfigSection> sections, IReadOnlyList<EditorConfigEntry> preamble)
    {
        Path = path;
        IsRoot = isRoot;
        Sections = sections;
        Preamble = preamble;
    }

    /// <summary>The full path of the file, with forward slashes.</summary>
    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!.Replace('\\', '/');

    /// <summary>"root = true" in the preamble: files further up are not read.</summary>
    public bool IsRoot { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    /// <summary>Entries before the first section; only "root" means anything there.</summary>
    public IReadOnlyList<EditorConfigEntry> Preamble { get; }

    public static EditorConfigFile Parse(string path, string text)
    {
        path = path.Replace('\\', '/');
        var directory = System.IO.Path.GetDirectoryName(path)!.Replace('\\', '/');
        var isRoot = false;
        var sections = new List<EditorConfigSection>();
        string? sectionName = null;
        var sectionLine = 0;
        var entries = new List<EditorConfigEntry>();
        var preamble = new List<EditorConfigEntry>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (SectionLine().Match(trimmed) is { Success: true } section)
            {
                Flush();
                sectionName = section.Groups["name"].Value;
                sectionLine = i + 1;
                continue;
            }

            if (PropertyLine().Match(trimmed) is not { Success: true } property)
            {
                continue;
            }

            var key = property.Groups["key"].Value.ToLowerInvariant();
            var value = property.Groups["value"].Value.Trim();
            if (sectionName is null)
            {
                isRoot |= key == "root" && value.Equals("true", StringComparison.OrdinalIgnoreCase);
                preamble.Add(new EditorConfigEntry(key, value, i + 1));
            }
            else
            {
                entries.Add(new EditorConfigEntry(key, value, i + 1));
            }
        }

        Flush();
        return new EditorConfigFile(path, isRoot, sections, preamble);

        void Flush()
        {
            if (sectionName is not null)
            {
                sections.Add(new EditorConfigSection(sectionName, EditorConfigGlob.CompileSection(sectionName, directory), [.. entries], sectionLine));
            }

            entries.Clear();
        }
    }

    /// <summary>The entries of every section that matches the file, in file order (later ones win).</summary>
    public IEnumerable<EditorConfigEntry> EntriesFor(string fullPath)
    {
        foreach (var section in Sections)
        {
            if (section.Glob.IsMatch(fullPath))
            {
                foreach (var entry in section.Entries)
                {
                    yield return entry;
                }
            }
        }
    }

    // As Roslyn's parser: "[" glob "]" with an optional trailing comment; "key = value" or "key: value", where a
    // trailing " #..." or " ;..." is a comment.
    [GeneratedRegex(@"^\[(?<name>(?:[^#;]|\\#|\\;)+)\]\s*(?:[#;].*)?$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^(?<key>[\w\.\-]+)\s*[=:]\s*(?<value>.*?)\s*(?:\s[#;].*)?$")]
    private static partial Regex PropertyLine();
}
