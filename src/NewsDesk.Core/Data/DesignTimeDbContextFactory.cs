using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsDesk.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting a host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NewsDeskDbContext>
{
    public NewsDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
