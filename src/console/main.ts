import { h, render } from 'preact';
import htm from 'htm';
import './console.css';

const html = htm.bind(h);

render(html`<main><h1>usm-link console</h1></main>`, document.getElementById('app')!);
