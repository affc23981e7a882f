using BenchmarkDotNet.Attributes;
using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Taxonomy;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Tagging.Benchmarks;

/// <summary>Tagging one seed-sized article (the ~4 KB seed story) on one thread, and loading the taxonomy.</summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private TaxonomySnapshot _taxonomy = null!;
    private TaggingInput _article = null!;
    private Token[] _tokens = new Token[1024];

    [GlobalSetup]
    public void Setup()
    {
        _taxonomy = TaxonomySnapshot.BuiltIn;
        _article = TaggingInput.PlainText(File.ReadAllText(SeedFile.Path));
    }

    [Benchmark(Description = "Tag the seed article (3.9 KB)")]
    public TaggingResult TagArticle() => Tagger.Tag(_taxonomy, _article);

    [Benchmark(Description = "Tokenize it only (part of the above)")]
    public int TokenizeArticle() => Tokenizer.Tokenize(_article.Text, _article.ZoneArray, _taxonomy.Vocabulary, ref _tokens);

    [Benchmark(Description = "Load the built-in taxonomy (parse + compile)")]
    public TaxonomySnapshot LoadTaxonomy() => TaxonomySnapshot.Build(BuiltInData.Load(), null);
}

internal static class SeedFile
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var seeds = System.IO.Path.Combine(directory.FullName, "seeds");
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NewsDesk.sln")) && Directory.Exists(seeds))
            {
                return Directory.EnumerateFiles(seeds).Order(StringComparer.Ordinal).First();
            }
        }

        throw new InvalidOperationException("Run the benchmarks inside the NewsDesk checkout (the seed article is the input).");
    }
}
