import { mount } from 'svelte';
import StartPage from '../ui/start/StartPage.svelte';
import { StartModel } from '../ui/start/startModel.svelte';

/** The start page: explains the OBS setup and builds the overlay URLs from the one config schema. */
const target = document.getElementById('app');
if (target) mount(StartPage, { target, props: { model: new StartModel(location.href) } });
