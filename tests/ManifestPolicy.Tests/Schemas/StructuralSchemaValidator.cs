using System.Text.RegularExpressions;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Schemas;

/// <summary>
/// Checks a positioned YAML value against a CRD's openAPIV3Schema the way the API server's structural validation
/// does for the subset KEDA's CRDs use: types (YAML 1.2 core resolution of plain scalars), properties, required,
/// additionalProperties, items, enum, minimum, int-or-string. Unknown fields are errors here (kubectl --validate=strict).
/// </summary>
internal static partial class StructuralSchemaValidator
{
    public static List<string> Validate(MappingNode schema, YamlNode value, SourceText text, string path = "")
    {
        var errors = new List<string>();
        Check(schema, value.Resolve(), text, path, errors);
        return errors;
    }

    private static void Check(MappingNode schema, YamlNode value, SourceText text, string path, List<string> errors)
    {
        var where = $"{text.Path}:{text.GetPosition(value.Span.Start)} {path}";
        if (schema.GetString("x-kubernetes-int-or-string") == "true")
        {
            if (value is not ScalarNode)
            {
                errors.Add($"{where}: expected an integer or a string");
            }

            return;
        }

        switch (schema.GetString("type"))
        {
            case "object":
                CheckObject(schema, value, text, path, where, errors);
                break;
            case "array":
                if (value is not SequenceNode sequence)
                {
                    errors.Add($"{where}: expected an array");
                    break;
                }

                if (schema.GetMapping("items") is { } items)
                {
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        Check(items, sequence.Items[i].Resolve(), text, $"{path}[{i}]", errors);
                    }
                }

                break;
            case { } type:
                CheckScalar(schema, type, value, where, errors);
                break;
        }
    }

    private static void CheckObject(MappingNode schema, YamlNode value, SourceText text, string path, string where, List<string> errors)
    {
        if (value is not MappingNode mapping)
        {
            errors.Add($"{where}: expected an object");
            return;
        }

        var properties = schema.GetMapping("properties");
        var additional = schema.GetMapping("additionalProperties");
        var preserveUnknown = schema.GetString("x-kubernetes-preserve-unknown-fields") == "true";
        foreach (var entry in mapping.Entries)
        {
            var key = entry.KeyText ?? string.Empty;
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (properties?.GetMapping(key) is { } propertySchema)
            {
                Check(propertySchema, entry.Value.Resolve(), text, childPath, errors);
            }
            else if (additional is not null)
            {
                Check(additional, entry.Value.Resolve(), text, childPath, errors);
            }
            else if (!preserveUnknown && properties is not null)
            {
                errors.Add($"{text.Path}:{text.GetPosition(entry.Key.Span.Start)} {childPath}: unknown field");
            }
        }

        foreach (var required in schema.GetSequence("required")?.Items.OfType<ScalarNode>() ?? [])
        {
            if (mapping.GetEntry(required.Value) is null)
            {
                errors.Add($"{where}: missing required field '{required.Value}'");
            }
        }
    }

    private static void CheckScalar(MappingNode schema, string type, YamlNode value, string where, List<string> errors)
    {
        if (value is not ScalarNode scalar)
        {
            errors.Add($"{where}: expected a {type}");
            return;
        }

        var resolved = Resolve(scalar);
        var fits = type switch
        {
            "string" => resolved == "string",
            "integer" => resolved == "integer",
            "number" => resolved is "integer" or "float",
            "boolean" => resolved == "boolean",
            _ => true,
        };
        if (!fits)
        {
            errors.Add($"{where}: expected a {type}, found {resolved} '{scalar.Value}'");
            return;
        }

        if (schema.GetSequence("enum") is { } values && !values.Items.OfType<ScalarNode>().Any(v => v.Value == scalar.Value))
        {
            errors.Add($"{where}: '{scalar.Value}' is not one of [{string.Join(", ", values.Items.OfType<ScalarNode>().Select(v => v.Value))}]");
        }

        if (schema.GetString("minimum") is { } minimum && long.TryParse(scalar.Value, out var number) && number < long.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture))
        {
            errors.Add($"{where}: {number} is below the minimum {minimum}");
        }
    }

    /// <summary>What the API server's YAML decoder makes of a scalar: quoted and block scalars are strings.</summary>
    private static string Resolve(ScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag == "tag:yaml.org,2002:str")
        {
            return "string";
        }

        return scalar.Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => "null",
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => "boolean",
            _ when Integer().IsMatch(scalar.Value) => "integer",
            _ when Float().IsMatch(scalar.Value) => "float",
            _ => "string",
        };
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex Float();
}
