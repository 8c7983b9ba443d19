// Draws each indicator's chart from the numbers in the table under it. Chart.js is loaded
// as a classic script before this module; without JavaScript the tables carry everything.
const palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#28a197", "#912b88", "#505a5f", "#b58840", "#5694ca", "#85994b", "#d53880", "#003078"];

for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
  const spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
  const datasets = spec.datasets.map((set, index) => ({
    ...set,
    backgroundColor: palette[index % palette.length],
    borderColor: palette[index % palette.length],
    spanGaps: true,
  }));
  // eslint-disable-next-line no-undef
  new Chart(canvas, {
    type: spec.type,
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: datasets.length > 1, position: "bottom" },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}${spec.unit}` } },
      },
      scales: {
        x: { stacked: spec.stacked },
        y: { stacked: spec.stacked, beginAtZero: true, ...(spec.unit === "%" ? { max: 100 } : {}) },
      },
    },
  });
}
