"""A right and a wrong answer per problem, as a student would type them (plain ASCII). The
right ones are the problem set's answers written by hand; each wrong one differs by one
mistake a student makes (a dropped factor, a missing stride, an exponent off by two)."""

ANSWERS = {
    "1": ("B*X*Y*dX*dY*Nout*Nin", "B*X*Y*N_in*N_out"),
    "2": ("L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
          "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,t+dT,I] - B[j])"),
    "3a": ("2*N*Nb*(L-1); N^2*(L-1); Nb < N/2", "N*Nb*(L-1); N^2*(L-1); Nb < N/2"),
    "3b": ("1/sqrt(2)", "1/2"),
    "3c": ("gamma^(L-1)", "gamma^(L+1)"),
    "4": ("L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX-p,y+dY-p,I] "
          "+ W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,2x+dX-p,2y+dY-p,I] - B_{l+1}[j])",
          "L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX-p,y+dY-p,I] "
          "+ W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,x+dX-p,y+dY-p,I] - B_{l+1}[j])"),
}
