// A small page with no data (no loader): what React Router 8 costs by itself.
export function meta() {
  return [{ title: "Referentiepagina" }];
}

export default function Home() {
  return (
    <main>
      <h1>Welkom</h1>
      <p>Een kleine pagina zonder gegevens, als maat voor wat React Router zelf kost.</p>
      <ul>
        <li>Netwerken</li>
        <li>Bijeenkomsten</li>
        <li>Mensen</li>
      </ul>
    </main>
  );
}
