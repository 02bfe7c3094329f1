/**
 * The federated query `npm run supergraph` prints and docs/federation.md shows; a test runs it through the
 * gateway so the printed example cannot rot. Tickets come from the tickets subgraph; everything under
 * assignee, approverRole and team is the identity subgraph's, fetched by key in one `_entities` call per hop.
 */
export const EXAMPLE_QUERY = `query TicketsWithPeople {
  tickets(first: 3) {
    nodes {
      id
      title
      assignee { id name username emails { email } roles { name } groups { name } }
      approverRole { name permissions }
      team { name type }
    }
  }
}`;
