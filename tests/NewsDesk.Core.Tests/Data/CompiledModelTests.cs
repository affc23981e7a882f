using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Data;

public sealed class CompiledModelTests
{
    private const string Stale = "The compiled model (src/NewsDesk.Core/Data/CompiledModel) is out of date: run tools/compiled-model.sh.";

    [Fact]
    public void The_compiled_model_matches_the_model_the_configuration_builds()
    {
        var compiled = NewsDeskDbContext.FindCompiledSqliteModel();
        Assert.NotNull(compiled);
        using var configured = new NewsDeskDbContext(new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var precompiled = new NewsDeskDbContext(new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite("Data Source=:memory:").UseModel(compiled).Options);
        var expected = configured.GetService<IDesignTimeModel>().Model;
        var actual = precompiled.Model;

        // Entities, properties (types, conversions' effects, lengths, concurrency), keys, relationships and indexes;
        // then tables, columns, column types, nullability, constraints. Design-time-only annotations are left out.
        AssertSame(Describe(expected), Describe(actual));
        AssertSame(Describe(expected.GetRelationalModel()), Describe(actual.GetRelationalModel()));
    }

    [Fact]
    public void The_compiled_model_is_not_offered_to_every_provider()
    {
        // `dotnet ef dbcontext optimize` adds this attribute; with it EF Core would use the SQLite model for any
        // provider. tools/compiled-model.sh removes it and the SQLite registration names the model instead.
        Assert.Empty(typeof(NewsDeskDbContext).Assembly.GetCustomAttributes(typeof(DbContextModelAttribute), inherit: false));
    }

    [Fact]
    public async Task The_store_runs_on_the_compiled_model()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();

        Assert.Equal(NewsDeskDbContext.CompiledModelType, scope.Db.Model.GetType().FullName);
    }

    private static void AssertSame(string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var built = expected.Split('\n');
        var compiled = actual.Split('\n');
        var line = 0;
        while (line < built.Length && line < compiled.Length && built[line] == compiled[line])
        {
            line++;
        }

        Assert.Fail($"{Stale} First difference, line {line + 1}: configuration '{At(built, line)}', compiled '{At(compiled, line)}'.");
    }

    private static string At(string[] lines, int index) => index < lines.Length ? lines[index].Trim() : "(end)";

    private static string Describe(IReadOnlyModel model) => model.ToDebugString(MetadataDebugStringOptions.ShortDefault);

    private static string Describe(IRelationalModel model) => model.ToDebugString(MetadataDebugStringOptions.ShortDefault);
}
