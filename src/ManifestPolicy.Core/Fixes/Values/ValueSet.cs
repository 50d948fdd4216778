using System.Globalization;
using System.Text;
using System.Text.Json;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Values;

/// <summary>A values file or argument that cannot be read: one line, exit code 2.</summary>
public sealed class ValueSourceException(string message) : Exception(message);

/// <summary>One named value: a string, or a list of strings (joined with commas where a field takes a comma list).</summary>
public sealed record NamedValue(string Name, string? Text, IReadOnlyList<string>? List, bool Sensitive, string Origin)
{
    public bool IsList => List is not null;
}

/// <summary>
/// The values placeholders are replaced with, from Terraform outputs, JSON or YAML files, --set and (when asked) the
/// environment. Later sources override earlier ones: files in order, then the environment, then --set.
/// </summary>
public sealed class ValueSet
{
    private readonly Dictionary<string, NamedValue> values = new(StringComparer.Ordinal);

    public IReadOnlyCollection<NamedValue> All => values.Values;

    /// <summary>Placeholder name -> value key, from the configuration's values.mappings and --map.</summary>
    public Dictionary<string, string> Mappings { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads environment variables for placeholders no other source names (--values-from-env).</summary>
    public Func<string, string?>? Environment { get; set; }

    public bool IsEmpty => values.Count == 0 && Environment is null;

    public void Add(NamedValue value) => values[value.Name] = value;

    public bool TryGet(string name, out NamedValue value) => values.TryGetValue(name, out value!);

    /// <summary>Loads a values file: `terraform output -json`, a flat JSON object, or a YAML mapping.</summary>
    public void LoadFile(string path, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ValueSourceException($"cannot read values file '{displayPath}': {ex.Message}");
        }

        var text = SourceText.FromBytes(displayPath, bytes).Text;
        if (text.TrimStart().StartsWith('{'))
        {
            LoadJson(text, displayPath);
        }
        else
        {
            LoadYaml(text, displayPath);
        }
    }

    public void LoadJson(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ValueSourceException($"values file '{origin}' is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ValueSourceException($"values file '{origin}' must hold a JSON object of names and values");
            }

            var terraform = IsTerraformOutput(document.RootElement);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (terraform)
                {
                    var sensitive = property.Value.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.True;
                    AddJson(property.Name, property.Value.GetProperty("value"), sensitive, origin);
                }
                else
                {
                    AddJson(property.Name, property.Value, sensitive: false, origin);
                }
            }
        }
    }

    /// <summary>`terraform output -json` wraps every output as {"value": ..., "type": ..., "sensitive": ...}.</summary>
    private static bool IsTerraformOutput(JsonElement root)
    {
        var any = false;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("value", out _))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private void AddJson(string name, JsonElement element, bool sensitive, string origin)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Add(new NamedValue(name, element.GetString() ?? string.Empty, null, sensitive, origin));
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                Add(new NamedValue(name, element.GetRawText(), null, sensitive, origin));
                break;
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                    {
                        return; // Not a list of scalars: no placeholder can take it.
                    }

                    items.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : item.GetRawText());
                }

                Add(new NamedValue(name, null, items, sensitive, origin));
                break;
            case JsonValueKind.Object:
                // Nested objects are reachable as parent.child.
                foreach (var property in element.EnumerateObject())
                {
                    AddJson($"{name}.{property.Name}", property.Value, sensitive, origin);
                }

                break;
        }
    }

    public void LoadYaml(string yaml, string origin)
    {
        var tree = SyntaxTree.Parse(new SourceText(origin, yaml));
        if (tree.Error is { } error)
        {
            var position = tree.Text.GetPosition(error.Span.Start);
            throw new ValueSourceException($"values file '{origin}' is not valid YAML at line {position.Line}: {error.Message}");
        }

        if (tree.Documents.Count == 0 || tree.Documents[0].Root is null)
        {
            return;
        }

        if (tree.Documents[0].Root!.Resolve() is not MappingNode root)
        {
            throw new ValueSourceException($"values file '{origin}' must hold a mapping of names and values");
        }

        AddYaml(string.Empty, root, origin, depth: 0);
    }

    private void AddYaml(string prefix, MappingNode mapping, string origin, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } key)
            {
                continue;
            }

            var name = prefix.Length == 0 ? key : $"{prefix}.{key}";
            switch (entry.Value.Resolve())
            {
                case ScalarNode { IsNull: true }:
                    break;
                case ScalarNode scalar:
                    Add(new NamedValue(name, scalar.Value, null, false, origin));
                    break;
                case SequenceNode sequence when sequence.Items.All(i => i.Resolve() is ScalarNode):
                    Add(new NamedValue(name, null, [.. sequence.Items.Select(i => ((ScalarNode)i.Resolve()).Value)], false, origin));
                    break;
                case MappingNode nested:
                    AddYaml(name, nested, origin, depth + 1);
                    break;
            }
        }
    }

    /// <summary>NAME=VALUE from --set.</summary>
    public void AddAssignment(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ValueSourceException($"--set '{assignment}' is not NAME=VALUE");
        }

        Add(new NamedValue(assignment[..equals], assignment[(equals + 1)..], null, false, "--set"));
    }

    /// <summary>NAME=KEY from --map: placeholder NAME takes the value named KEY.</summary>
    public void AddMapping(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == assignment.Length - 1)
        {
            throw new ValueSourceException($"--map '{assignment}' is not PLACEHOLDER=KEY");
        }

        Mappings[assignment[..equals]] = assignment[(equals + 1)..];
    }

    /// <summary>
    /// The value for a placeholder name. A mapping decides alone; without one the exact name is tried, then a
    /// case-insensitive snake-case match (MSK_BOOTSTRAP_SERVERS finds msk_bootstrap_servers or mskBootstrapServers),
    /// then the environment when allowed.
    /// </summary>
    public ValueLookup Resolve(string placeholderName)
    {
        if (Mappings.TryGetValue(placeholderName, out var key))
        {
            if (TryGet(key, out var mapped))
            {
                return ValueLookup.Found(mapped, $"{key} (mapped)");
            }

            if (Environment?.Invoke(key) is { } fromEnvironment)
            {
                return ValueLookup.Found(new NamedValue(key, fromEnvironment, null, true, "environment"), $"environment variable {key} (mapped)");
            }

            return ValueLookup.Missing($"the mapping {placeholderName} -> {key} names no value in the values given");
        }

        if (TryGet(placeholderName, out var exact))
        {
            return ValueLookup.Found(exact, placeholderName);
        }

        var wanted = SnakeKey(placeholderName);
        var matches = values.Values.Where(v => SnakeKey(v.Name) == wanted).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        if (matches.Count == 1)
        {
            return ValueLookup.Found(matches[0], matches[0].Name);
        }

        if (matches.Count > 1)
        {
            return ValueLookup.Missing($"{placeholderName} matches several values ({string.Join(", ", matches.Select(m => m.Name))}); add a mapping");
        }

        if (Environment?.Invoke(placeholderName) is { } environmentValue)
        {
            return ValueLookup.Found(new NamedValue(placeholderName, environmentValue, null, true, "environment"), $"environment variable {placeholderName}");
        }

        return ValueLookup.Missing($"no value named {placeholderName} (give --values, --set {placeholderName}=..., or map it in values.mappings)");
    }

    /// <summary>mskBootstrapServers, msk-bootstrap-servers and MSK_BOOTSTRAP_SERVERS all become msk_bootstrap_servers.</summary>
    public static string SnakeKey(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '.' or ' ')
            {
                c = '_';
            }

            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

/// <summary>The outcome of looking a placeholder up: the value and the name it was found under, or why not.</summary>
public sealed record ValueLookup(NamedValue? Value, string? FoundAs, string? Reason)
{
    public static ValueLookup Found(NamedValue value, string foundAs) => new(value, foundAs, null);

    public static ValueLookup Missing(string reason) => new(null, null, reason);
}
