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

// One core, medians: the development machine is shared and noisy.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(15));
BenchmarkSwitcher.FromAssembly(typeof(TaggingBenchmarks).Assembly).Run(args, config);
