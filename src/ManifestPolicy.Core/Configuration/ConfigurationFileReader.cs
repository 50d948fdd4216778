using System.Text.RegularExpressions;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Configuration;

/// <summary>
/// Validates manifestpolicy.yaml against its schema (docs/configuration.md) on the positioned syntax tree, so that
/// an unknown key or a value of the wrong type is reported at its line and column instead of being ignored.
/// </summary>
internal sealed class ConfigurationFileReader
{
    private static readonly string[] TopLevelKeys = ["environments", "kafka", "placeholders", "values", "exclude"];
    private static readonly string[] EnvironmentKeys = ["name", "paths", "namespaces", "labels"];
    private static readonly string[] KafkaKeys = ["tlsPorts", "plaintextPorts"];
    private static readonly string[] PlaceholderKeys = ["patterns", "ignore"];
    private static readonly string[] ValuesKeys = ["mappings"];

    private readonly string path;
    private readonly SourceText text;
    private readonly string baseDirectory;

    public ConfigurationFileReader(string path, string text, string baseDirectory)
    {
        this.path = path;
        this.text = new SourceText(path, text.TrimStart('\uFEFF'));
        this.baseDirectory = baseDirectory;
    }

    public ManifestPolicyConfiguration Read()
    {
        var tree = SyntaxTree.Parse(text);
        if (tree.Error is { } error)
        {
            throw Fail(error.Span.Start, string.Empty, $"the configuration file is not valid YAML: {error.Message}");
        }

        if (tree.Documents.Count > 1)
        {
            throw Fail(tree.Documents[1].Span.Start, string.Empty, "the configuration file holds more than one YAML document; keep one");
        }

        var root = tree.Documents.Count == 0 ? null : tree.Documents[0].Root?.Resolve();
        if (root is null || root is ScalarNode { IsNull: true })
        {
            return new ManifestPolicyConfiguration(path, baseDirectory, AnalyzerOptions.Default with { ConfigurationDirectory = baseDirectory }, new Dictionary<string, string>(), []);
        }

        var top = Mapping(root, "(top level)", TopLevelKeys);
        var options = AnalyzerOptions.Default with { ConfigurationDirectory = baseDirectory };
        IReadOnlyDictionary<string, string> mappings = new Dictionary<string, string>();
        IReadOnlyList<string> exclude = [];

        if (Get(top, "environments") is { } environments)
        {
            options = options with { EnvironmentRules = ReadEnvironments(environments) };
        }

        if (Get(top, "kafka") is { } kafka)
        {
            var map = Mapping(kafka, "kafka", KafkaKeys);
            options = options with
            {
                KafkaTlsPorts = Ports(Get(map, "tlsPorts"), "kafka.tlsPorts"),
                KafkaPlaintextPorts = Ports(Get(map, "plaintextPorts"), "kafka.plaintextPorts"),
            };
            var both = options.KafkaTlsPorts.Intersect(options.KafkaPlaintextPorts).Order().ToList();
            if (both.Count > 0)
            {
                throw Fail(kafka.Span.Start, "kafka", $"port {both[0]} is listed both as a TLS port and as a plaintext port; a port speaks one or the other");
            }
        }

        if (Get(top, "placeholders") is { } placeholders)
        {
            var map = Mapping(placeholders, "placeholders", PlaceholderKeys);
            options = options with
            {
                ExtraPlaceholderPatterns = Patterns(Get(map, "patterns"), "placeholders.patterns"),
                IgnoredPlaceholderPatterns = Patterns(Get(map, "ignore"), "placeholders.ignore"),
            };
        }

        if (Get(top, "values") is { } values)
        {
            var map = Mapping(values, "values", ValuesKeys);
            if (Get(map, "mappings") is { } mappingNode)
            {
                mappings = StringMap(mappingNode, "values.mappings");
            }
        }

        if (Get(top, "exclude") is { } excludeNode)
        {
            exclude = Strings(excludeNode, "exclude");
        }

        return new ManifestPolicyConfiguration(path, baseDirectory, options, mappings, exclude);
    }

    private List<EnvironmentRule> ReadEnvironments(YamlNode node)
    {
        var list = Sequence(node, "environments");
        var rules = new List<EnvironmentRule>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var key = $"environments[{i}]";
            var item = Mapping(list.Items[i].Resolve(), key, EnvironmentKeys);
            var nameNode = Get(item, "name") ?? throw Fail(item.Span.Start, $"{key}.name", "every environment needs a name, e.g. name: production");
            var name = String(nameNode, $"{key}.name");
            var paths = Get(item, "paths") is { } p ? Strings(p, $"{key}.paths") : [];
            var namespaces = Get(item, "namespaces") is { } n ? Strings(n, $"{key}.namespaces") : [];
            var labels = Get(item, "labels") is { } l ? StringMap(l, $"{key}.labels") : new Dictionary<string, string>();
            if (paths.Count == 0 && namespaces.Count == 0 && labels.Count == 0)
            {
                throw Fail(item.Span.Start, key, $"environment '{name}' has no paths, namespaces or labels, so no object can belong to it");
            }

            var position = text.GetPosition(item.Span.Start);
            rules.Add(new EnvironmentRule(name, paths, namespaces, labels, $"{path}:{position.Line}"));
        }

        return rules;
    }

    private HashSet<int> Ports(YamlNode? node, string key)
    {
        var ports = new HashSet<int>();
        if (node is null)
        {
            return ports;
        }

        var list = Sequence(node, key);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i].Resolve();
            if (item is not ScalarNode { IsQuoted: false } scalar || !int.TryParse(scalar.Value, out var port) || port is < 1 or > 65535)
            {
                throw Fail(item.Span.Start, $"{key}[{i}]", $"expected a port number from 1 to 65535, found {Describe(item)}");
            }

            ports.Add(port);
        }

        return ports;
    }

    private List<string> Patterns(YamlNode? node, string key)
    {
        if (node is null)
        {
            return [];
        }

        var list = Sequence(node, key);
        var patterns = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i].Resolve();
            var pattern = String(item, $"{key}[{i}]");
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw Fail(item.Span.Start, $"{key}[{i}]", $"'{pattern}' is not a valid regular expression: {ex.Message}");
            }

            patterns.Add(pattern);
        }

        return patterns;
    }

    private List<string> Strings(YamlNode node, string key)
    {
        var list = Sequence(node, key);
        return [.. list.Items.Select((item, i) => String(item.Resolve(), $"{key}[{i}]"))];
    }

    private Dictionary<string, string> StringMap(YamlNode node, string key)
    {
        var map = Mapping(node, key, allowed: null);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var name = String(entry.Key.Resolve(), $"{key} (a key)");
            result[name] = String(entry.Value.Resolve(), $"{key}.{name}");
        }

        return result;
    }

    private string String(YamlNode node, string key) =>
        node is ScalarNode { IsNull: false } scalar && scalar.Value.Length > 0
            ? scalar.Value
            : throw Fail(node.Span.Start, key, $"expected a non-empty string, found {Describe(node)}");

    private SequenceNode Sequence(YamlNode node, string key) =>
        node.Resolve() as SequenceNode ?? throw Fail(node.Span.Start, key, $"expected a list, found {Describe(node)}");

    private MappingNode Mapping(YamlNode node, string key, string[]? allowed)
    {
        if (node.Resolve() is not MappingNode map)
        {
            throw Fail(node.Span.Start, key, $"expected a mapping, found {Describe(node)}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var name = entry.KeyText;
            var child = key == "(top level)" ? name : $"{key}.{name}";
            if (name is null)
            {
                throw Fail(entry.Key.Span.Start, key, "keys must be plain strings");
            }

            if (!seen.Add(name))
            {
                throw Fail(entry.Key.Span.Start, child!, "the key appears twice; keep one");
            }

            if (allowed is not null && !allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Fail(entry.Key.Span.Start, child!, $"unknown key; {(key == "(top level)" ? "the file" : $"'{key}'")} accepts {string.Join(", ", allowed)}");
            }
        }

        return map;
    }

    private static YamlNode? Get(MappingNode map, string key) => map.Entries.FirstOrDefault(e => e.KeyText == key)?.Value;

    private static string Describe(YamlNode node) => node.Resolve() switch
    {
        ScalarNode { IsNull: true } => "nothing (null)",
        ScalarNode scalar => $"'{scalar.Value}'",
        MappingNode => "a mapping",
        SequenceNode => "a list",
        _ => "an alias to nothing",
    };

    private ConfigurationException Fail(int offset, string key, string reason)
    {
        var position = text.GetPosition(offset);
        return new ConfigurationException(path, position.Line, position.Column, key, reason);
    }
}
