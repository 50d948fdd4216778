using System.Text;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Syntax;

/// <summary>
/// Generated documents in every style the tree supports: each scalar's span must cover exactly the text it was
/// written as, and each collection's span must start at its first character. Fixes replace spans byte for byte, so
/// an off-by-one here would corrupt users' files.
/// </summary>
public sealed class SpanRoundTripTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_generated_scalar_spans_exactly_its_source_text(int seed)
    {
        var random = new Random(seed);
        var writer = new DocumentWriter(random, lineEnding: random.Next(4) == 0 ? "\r\n" : "\n");
        writer.WriteDocument();
        var tree = SyntaxTree.Parse(new SourceText("gen.yaml", writer.Text));

        Assert.True(tree.Error is null, $"{tree.Error?.Message}\n{writer.Text}");
        var scalars = tree.Documents.Where(d => d.Root is not null).SelectMany(d => Scalars(d.Root!)).ToList();
        Assert.Equal(writer.Written.Count, scalars.Count);
        for (var i = 0; i < scalars.Count; i++)
        {
            var (source, value) = writer.Written[i];
            Assert.Equal(source, tree.Text.GetText(scalars[i].Span));
            Assert.Equal(value, scalars[i].Value);
        }

        foreach (var collection in tree.Documents.Where(d => d.Root is not null).SelectMany(d => Collections(d.Root!)))
        {
            var source = tree.Text.GetText(collection.Span);
            var (isFlow, children) = collection switch
            {
                MappingNode m => (m.IsFlow, m.Entries.SelectMany(e => new[] { e.Key, e.Value }).ToList()),
                SequenceNode q => (q.IsFlow, q.Items.ToList()),
                _ => (false, new List<YamlNode>()),
            };
            var blockSequence = collection is SequenceNode && !isFlow;
            Assert.Equal(children[0].Span.Start, isFlow ? collection.Span.Start + 1 : blockSequence ? collection.Span.Start + 2 : collection.Span.Start);
            if (blockSequence)
            {
                Assert.Equal('-', source[0]);
            }

            Assert.Equal(children[^1].Span.End, isFlow ? collection.Span.End - 1 : collection.Span.End);
            if (isFlow)
            {
                Assert.Contains(source[0], "{[");
                Assert.Contains(source[^1], "}]");
            }
        }
    }

    private static IEnumerable<YamlNode> Collections(YamlNode node) => node switch
    {
        MappingNode m => new[] { node }.Concat(m.Entries.SelectMany(e => Collections(e.Value))),
        SequenceNode q => new[] { node }.Concat(q.Items.SelectMany(Collections)),
        _ => [],
    };

    private static IEnumerable<ScalarNode> Scalars(YamlNode node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                yield return scalar;
                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    foreach (var s in Scalars(entry.Key).Concat(Scalars(entry.Value)))
                    {
                        yield return s;
                    }
                }

                break;
            case SequenceNode sequence:
                foreach (var s in sequence.Items.SelectMany(Scalars))
                {
                    yield return s;
                }

                break;
        }
    }

    /// <summary>Writes random block and flow YAML and records each scalar's source text and value, in order.</summary>
    private sealed class DocumentWriter(Random random, string lineEnding)
    {
        private static readonly string[] Words = ["web", "orders", "9094", "b-1.x.c2.kafka.eu-west-1.amazonaws.com:9092", "é😀", "<MSK_BOOTSTRAP_SERVERS>", "a b c", "x-y_z"];
        private readonly StringBuilder text = new();

        public List<(string Source, string Value)> Written { get; } = [];

        public string Text => text.ToString();

        public void WriteDocument()
        {
            if (random.Next(3) == 0)
            {
                text.Append("---").Append(lineEnding);
            }

            WriteBlockMapping(indent: 0, depth: 0);
        }

        private void WriteBlockMapping(int indent, int depth)
        {
            var count = random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                text.Append(' ', indent);
                WriteScalar(Key(i), plainOnly: true);
                text.Append(':');
                var shape = depth < 3 ? random.Next(6) : random.Next(3);
                if (shape is 3 or 4 && random.Next(3) == 0)
                {
                    text.Append("  # note");
                }

                switch (shape)
                {
                    case 0 or 1 or 2:
                        text.Append(' ');
                        WriteScalar(Words[random.Next(Words.Length)], plainOnly: false);
                        text.Append(lineEnding);
                        break;
                    case 3:
                        text.Append(lineEnding);
                        WriteBlockMapping(indent + 2, depth + 1);
                        break;
                    case 4:
                        text.Append(lineEnding);
                        WriteBlockSequence(indent + 2, depth + 1);
                        break;
                    default:
                        text.Append(' ');
                        WriteFlow(depth + 1);
                        text.Append(lineEnding);
                        break;
                }
            }
        }

        private void WriteBlockSequence(int indent, int depth)
        {
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                text.Append(' ', indent).Append("- ");
                WriteScalar(Words[random.Next(Words.Length)], plainOnly: false);
                text.Append(lineEnding);
            }

            if (random.Next(3) == 0)
            {
                text.Append(lineEnding).Append(' ', indent).Append("# trailing comment").Append(lineEnding);
            }
        }

        private void WriteFlow(int depth)
        {
            var mapping = random.Next(2) == 0;
            text.Append(mapping ? "{" : "[");
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                if (mapping)
                {
                    WriteScalar(Key(i), plainOnly: true);
                    text.Append(": ");
                }

                if (depth < 3 && random.Next(4) == 0)
                {
                    WriteFlow(depth + 1);
                }
                else
                {
                    WriteScalar(Words[random.Next(Words.Length)], plainOnly: false, inFlow: true);
                }
            }

            text.Append(mapping ? "}" : "]");
        }

        private string Key(int i) => $"k{i}";

        private void WriteScalar(string value, bool plainOnly, bool inFlow = false)
        {
            var style = plainOnly ? 0 : random.Next(3);
            if (inFlow && value.Contains(' ', StringComparison.Ordinal) && style == 0)
            {
                style = 2;
            }

            var source = style switch
            {
                1 => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
                2 => "\"" + value + "\"",
                _ => value,
            };
            text.Append(source);
            Written.Add((source, value));
        }
    }
}
