using Microsoft.EntityFrameworkCore.Design;

namespace Rathausplatz.Data;

// Used only by `dotnet ef migrations add`: each provider's migrations are generated from its own context.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteAppDb>()
        .UseSqlite("Data Source=design.db").UseApplicationServiceProvider(DesignTime.Services).Options, new TenantContext());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresAppDb>()
        .UseNpgsql("Host=localhost;Database=design").UseApplicationServiceProvider(DesignTime.Services).Options, new TenantContext());
}

internal static class DesignTime
{
    /// <summary>Identity builds its tables from IdentityOptions; the migrations must see the same options as the app.</summary>
    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<IdentityOptions>(o => Features.Accounts.AccountsSetup.ConfigureStores(o.Stores))
        .BuildServiceProvider();
}
