using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rathausplatz.Features.Newsroom.Search;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <summary>
    /// PostgreSQL only, no change to the model: the search vector moves from a generated column of the
    /// wide search row into a narrow table of its own (<see cref="SearchSchema.MoveVectorToOwnTable"/>).
    /// </summary>
    [DbContext(typeof(PostgresAppDb))]
    [Migration("20261127060000_PostSearchNarrowVector")]
    public partial class PostSearchNarrowVector : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => SearchSchema.MoveVectorToOwnTable(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => SearchSchema.MoveVectorBackToSearchRow(migrationBuilder);
    }
}
