import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { RequireStaff } from './RequireStaff.tsx';
import { StaffHomePage } from './StaffHomePage.tsx';
import { StaffShell } from './StaffShell.tsx';

// Every screen is its own chunk, fetched when the staff member goes there.
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const StaffSignInPage = lazyPage(() => import('../account/StaffSignInPage.tsx'), 'StaffSignInPage');

/** The staff app's routes, under /staff (the router's basename). */
export function StaffRoutes() {
  return (
    <Routes>
      <Route element={<StaffShell />}>
        <Route path="sign-in" element={<StaffSignInPage />} />
        <Route element={<RequireStaff />}>
          <Route index element={<StaffHomePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
