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
        Assert.True(Describe(expected) == Describe(actual), Stale);
        Assert.True(Describe(expected.GetRelationalModel()) == Describe(actual.GetRelationalModel()), Stale);
    }

    [Fact]
    public async Task The_store_runs_on_the_compiled_model()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();

        Assert.Equal(NewsDeskDbContext.CompiledModelType, scope.Db.Model.GetType().FullName);
    }

    private static string Describe(IReadOnlyModel model) => model.ToDebugString(MetadataDebugStringOptions.ShortDefault);

    private static string Describe(IRelationalModel model) => model.ToDebugString(MetadataDebugStringOptions.ShortDefault);
}
