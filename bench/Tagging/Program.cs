using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using NewsDesk.Tagging.Benchmarks;
using NewsDesk.Tagging.Taxonomy;

// `--memory`: the managed heap the loaded taxonomy keeps, and a cold first load in a fresh process.
if (args.Contains("--memory"))
{
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var watch = Stopwatch.StartNew();
    var taxonomy = TaxonomySnapshot.BuiltIn;
    var coldMs = watch.Elapsed.TotalMilliseconds;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"cold load (first in process, incl. JIT): {coldMs:0} ms; retained heap: {(after - before) / 1048576.0:0.0} MiB; {taxonomy}");
    GC.KeepAlive(taxonomy);
    return;
}

// `--cpu`: CPU time (not wall time) per article and per taxonomy load, one thread. On a shared, oversubscribed machine
// wall-clock medians swing 20x with the neighbours' load; the CPU time a thread consumes swings far less.
if (args.Contains("--cpu"))
{
    var article = NewsDesk.Tagging.Text.TaggingInput.PlainText(File.ReadAllText(SeedFile.Path));
    var taxonomy = TaxonomySnapshot.BuiltIn;
    for (var i = 0; i < 3000; i++)
    {
        NewsDesk.Tagging.Tagging.Tagger.Tag(taxonomy, article);
    }

    var tagRuns = new List<double>();
    for (var run = 0; run < 7; run++)
    {
        const int N = 5000;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < N; i++)
        {
            NewsDesk.Tagging.Tagging.Tagger.Tag(taxonomy, article);
        }

        tagRuns.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / N);
    }

    var loadRuns = new List<double>();
    for (var run = 0; run < 7; run++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        GC.KeepAlive(TaxonomySnapshot.Build(BuiltInData.Load(), null));
        loadRuns.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    tagRuns.Sort();
    loadRuns.Sort();
    Console.WriteLine(System.FormattableString.Invariant($"tag the seed article: CPU {string.Join(" ", tagRuns.Select(r => r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} us; median {tagRuns[3]:0.0} us = {1e6 / tagRuns[3]:0} articles per CPU-second"));
    Console.WriteLine(System.FormattableString.Invariant($"load the taxonomy (warm): CPU {string.Join(" ", loadRuns.Select(r => r.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms; median {loadRuns[3]:0} ms (includes GC threads)"));
    return;
}

// One core, medians: the development machine is shared and noisy.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(15));
BenchmarkSwitcher.FromAssembly(typeof(TaggingBenchmarks).Assembly).Run(args, config);
